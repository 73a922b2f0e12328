package vn.motcua.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.shared.ProblemException;

/**
 * Bearer tokens for systems that call the API often. HTTP Basic checks a BCrypt hash on every request
 * (tens of milliseconds of CPU); a token is a 256-bit random secret whose SHA-256 is looked up by index,
 * which costs a fraction of a millisecond and is just as safe for a secret of that strength.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "mc_";
    static final int MAX_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AccountReader reader;
    private final PrincipalCache cache;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditLog audit, AccountReader reader, PrincipalCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.reader = reader;
        this.cache = cache;
        this.clock = clock;
    }

    public record Issued(long id, String name, String token, Instant expiresAt) {}

    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {}

    @Transactional
    public Issued issue(String username, String name, Integer days) {
        PresentedToken.refuseIssuing();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw ProblemException.invalid("name", "identity.token.name");
        }
        int validity = days == null ? 90 : days;
        if (validity < 1 || validity > MAX_DAYS) {
            throw ProblemException.invalid("days", "identity.token.days", MAX_DAYS);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // Microseconds: what PostgreSQL keeps, so that the expiry shown is the instant the token stops working.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(Duration.ofDays(validity));
        long id = jdbc.sql("""
                insert into api_token (username, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(username, label, hash(token), Timestamp.from(now), Timestamp.from(expires))
                .query(Long.class).single();
        audit.record("API_TOKEN_ISSUED", "account/" + username, label + " (#" + id + "), until " + expires);
        return new Issued(id, label, token, expires);
    }

    public List<TokenView> tokens(String username) {
        return jdbc.sql("select id, name, created_at, expires_at, revoked_at from api_token where username = ? order by id")
                .param(username)
                .query((rs, n) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional
    public void revoke(String username, long id) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id, username).update();
        if (changed == 0) {
            throw ProblemException.notFound("identity.token.not-found", id);
        }
        cache.evict(username);
        audit.record("API_TOKEN_REVOKED", "account/" + username, "#" + id);
    }

    /**
     * Revokes every token of the account but {@code kept} ({@link PresentedToken#NONE}: all of them): its password
     * changed, and whoever knew the old one may have issued some.
     */
    @Transactional
    void revokeAll(String username, long kept, String reason) {
        int revoked = jdbc.sql("""
                update api_token set revoked_at = ? where username = ? and revoked_at is null and id <> ?""")
                .params(Timestamp.from(clock.instant()), username, kept).update();
        cache.evict(username);
        if (revoked > 0) {
            audit.record("API_TOKENS_REVOKED", "account/" + username, revoked + " token(s): " + reason);
        }
    }

    /**
     * The holder of a valid token: known, unexpired, unrevoked, of an enabled account (locked or not). Every
     * API call with a token asks it: answered from {@link PrincipalCache} when this node read it recently, else
     * by one statement.
     */
    Optional<PrincipalCache.TokenHolder> holder(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return cache.token(hash(token), reader::tokenHolder);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

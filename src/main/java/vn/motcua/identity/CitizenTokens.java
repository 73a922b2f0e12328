package vn.motcua.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.ApiTokens.Issued;
import vn.motcua.identity.ApiTokens.TokenView;
import vn.motcua.shared.ProblemException;

/**
 * Bearer tokens of citizens' programs, as {@link ApiTokens} are for staff: a 256-bit secret of which only the
 * SHA-256 is kept. The prefix {@value #PREFIX} tells them apart, so that a citizen's token on a staff endpoint is
 * refused as a citizen's (403), not as an unknown token.
 */
@Service
public class CitizenTokens {

    static final String PREFIX = "mcc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CitizenReader reader;
    private final PrincipalCache cache;
    private final AuditLog audit;
    private final Clock clock;

    CitizenTokens(JdbcClient jdbc, CitizenReader reader, PrincipalCache cache, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(long citizen, String name, Integer days) {
        PresentedToken.refuseIssuing();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw ProblemException.invalid("name", "identity.token.name");
        }
        int validity = days == null ? 90 : days;
        if (validity < 1 || validity > ApiTokens.MAX_DAYS) {
            throw ProblemException.invalid("days", "identity.token.days", ApiTokens.MAX_DAYS);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(Duration.ofDays(validity));
        long id = jdbc.sql("""
                insert into citizen_token (citizen, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(citizen, label, ApiTokens.hash(token), Timestamp.from(now), Timestamp.from(expires))
                .query(Long.class).single();
        audit.append(Citizens.actor(citizen), "API_TOKEN_ISSUED", "citizen/" + citizen, label + " (#" + id + ")",
                AuditLog.currentAddress());
        return new Issued(id, label, token, expires);
    }

    public List<TokenView> tokens(long citizen) {
        return jdbc.sql("select id, name, created_at, expires_at, revoked_at from citizen_token where citizen = ? order by id")
                .param(citizen)
                .query((rs, n) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional
    public void revoke(long citizen, long id) {
        if (jdbc.sql("update citizen_token set revoked_at = ? where id = ? and citizen = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id, citizen).update() == 0) {
            throw ProblemException.notFound("identity.token.not-found", id);
        }
        cache.evictCitizen(citizen);
        audit.append(Citizens.actor(citizen), "API_TOKEN_REVOKED", "citizen/" + citizen, "#" + id,
                AuditLog.currentAddress());
    }

    /** Revokes every token of the account but {@code kept}, as {@link ApiTokens#revokeAll} does. */
    @Transactional
    void revokeAll(long citizen, long kept, String reason) {
        int revoked = jdbc.sql("""
                update citizen_token set revoked_at = ? where citizen = ? and revoked_at is null and id <> ?""")
                .params(Timestamp.from(clock.instant()), citizen, kept).update();
        cache.evictCitizen(citizen);
        if (revoked > 0) {
            audit.append(Citizens.actor(citizen), "API_TOKENS_REVOKED", "citizen/" + citizen,
                    revoked + " token(s): " + reason, AuditLog.currentAddress());
        }
    }

    static boolean looksLikeOne(String token) {
        return token.startsWith(PREFIX);
    }

    /**
     * The holder of a valid token, as {@link ApiTokens#holder} for staff: answered from {@link PrincipalCache} when
     * this node read it recently (revocations, a new password, a changed profile evict it at once here, within
     * {@code motcua.security.principal-cache-ttl} on other nodes), else by one statement.
     */
    Optional<PrincipalCache.CitizenTokenHolder> holder(String token) {
        if (!looksLikeOne(token) || token.length() > 100) {
            return Optional.empty();
        }
        return cache.citizenToken(ApiTokens.hash(token), reader::tokenHolder);
    }
}

package vn.motcua.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.motcua.shared.AdministrativeChange;

/**
 * The append-only audit log: logins, lockouts and every administrative change, with who, what, when and
 * from which address. Each entry carries the SHA-256 of the previous entry, so that a removed or edited
 * row breaks the chain ({@link #verify()}); the table also refuses UPDATE, DELETE and TRUNCATE by trigger.
 * Appends are serialised by a transaction-scoped advisory lock, which holds across application nodes.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x6d6f74637561L; // "motcua"

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(long id, Instant at, String actor, String action, String target, String details,
            String remoteAddress, String previousHash, String hash) {}

    public record Verification(boolean valid, long entries, Long firstBrokenId) {}

    /** Records an entry by the current user, from the current request's address. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String target, String details) {
        append(currentActor(), action, target, details, currentAddress());
    }

    /** Administrative changes published by other modules join the transaction that made them. */
    @EventListener
    void on(AdministrativeChange change) {
        record(change.action(), change.target(), change.details());
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void append(String actor, String action, String target, String details, String remoteAddress) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        String previous = jdbc.sql("select hash from audit_entry order by id desc limit 1")
                .query(String.class).optional().orElse(GENESIS);
        // Microseconds: what PostgreSQL keeps, so that the hash recomputes from the stored row.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(previous, at, actor, action, target, details, remoteAddress);
        jdbc.sql("""
                insert into audit_entry (at, actor, action, target, details, remote_address, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), actor, action, target, details, remoteAddress, previous, hash)
                .update();
    }

    @Transactional(readOnly = true)
    public Page<Entry> entries(Pageable page) {
        long total = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        List<Entry> items = jdbc.sql("select * from audit_entry order by id desc limit ? offset ?")
                .params(page.getPageSize(), page.getOffset())
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details"),
                        rs.getString("remote_address"), rs.getString("previous_hash"), rs.getString("hash")))
                .list();
        return new PageImpl<>(items, page, total);
    }

    /** Walks the whole chain in order, recomputing every hash. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] count = {0};
        String[] expectedPrevious = {GENESIS};
        Long[] broken = {null};
        jdbc.sql("select * from audit_entry order by id").query(rs -> {
            count[0]++;
            if (broken[0] != null) {
                return;
            }
            String previous = rs.getString("previous_hash");
            String recomputed = hash(previous, rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("target"), rs.getString("details"),
                    rs.getString("remote_address"));
            if (!previous.equals(expectedPrevious[0]) || !recomputed.equals(rs.getString("hash"))) {
                broken[0] = rs.getLong("id");
            }
            expectedPrevious[0] = rs.getString("hash");
        });
        return new Verification(broken[0] == null, count[0], broken[0]);
    }

    static String hash(String previous, Instant at, String actor, String action, String target, String details,
            String remoteAddress) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previous, at.toString(), actor, action, target, details, remoteAddress}) {
                byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

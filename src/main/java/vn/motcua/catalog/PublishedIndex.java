package vn.motcua.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.shared.DatabaseUnavailable;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;

/**
 * The public search runs on an immutable in-memory index of the procedures in force: a province has a
 * few thousand of them, they change a few times a week, and citizens search constantly, so a search costs
 * a scan of short token arrays instead of a database round trip. The index is rebuilt lazily after a
 * publication or abolition commits on this node, and within {@code motcua.catalog.refresh-interval}
 * (5 s) when it happened on another node ({@code catalog_revision}).
 */
@Component
class PublishedIndex {

    private static final Logger log = LoggerFactory.getLogger(PublishedIndex.class);

    private final JdbcClient jdbc;
    /** The index of a node that has not loaded one yet: never served. */
    private static final Snapshot NONE = new Snapshot(-1, new Entry[0], java.util.Map.of());
    /** How long a caller waits for a load under way: about the pool's wait for a connection, and a query. */
    static final Duration LOAD_WAIT = Duration.ofSeconds(15);

    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot = NONE;
    private volatile boolean stale = true;

    PublishedIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code nameWords} and {@code codeWords}: the words with a space before each, so that a word start is " " + prefix. */
    private record Entry(Catalog.Summary summary, String nameWords, String codeWords) {}

    private record Snapshot(long revision, Entry[] entries, java.util.Map<String, Integer> versions) {}

    /** Called inside the transaction that changes the published catalogue. */
    void changed() {
        jdbc.sql("update catalog_revision set revision = revision + 1 where id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stale = true;
                }
            });
        } else {
            stale = true;
        }
    }

    @Scheduled(fixedDelayString = "${motcua.catalog.refresh-interval:5s}",
            initialDelayString = "${motcua.catalog.refresh-interval:5s}")
    void refreshIfChangedElsewhere() {
        long revision = jdbc.sql("select revision from catalog_revision where id = 1").query(Long.class).single();
        if (revision != snapshot.revision()) {
            stale = true;
        }
    }

    /** The number of the version in force, or {@code null} when the procedure is not published. */
    Integer versionInForce(String code) {
        return current().versions().get(code);
    }

    Page<Catalog.Summary> search(String query, String field, OnlineLevel level, int page, int size) {
        if (query != null && query.length() > ProcedureSearch.MAX_QUERY_LENGTH) {
            throw ProblemException.invalid("q", "catalog.search.too-long", ProcedureSearch.MAX_QUERY_LENGTH);
        }
        String folded = ProcedureSearch.tokens(query);
        String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
        words = Arrays.copyOf(words, Math.min(ProcedureSearch.MAX_WORDS, words.length));
        for (int i = 0; i < words.length; i++) {
            words[i] = " " + words[i];
        }
        String wantedField = field == null || field.isBlank() ? null : vn.motcua.shared.VietnameseText.normalize(field);
        List<Catalog.Summary> byName = new ArrayList<>();
        List<Catalog.Summary> byCode = new ArrayList<>();
        for (Entry entry : current().entries()) {
            Catalog.Summary summary = entry.summary();
            if (wantedField != null && !wantedField.equals(summary.field())
                    || level != null && level != summary.onlineLevel()) {
                continue;
            }
            boolean allInName = true;
            boolean all = true;
            for (String word : words) {
                boolean inName = entry.nameWords().contains(word);
                allInName &= inName;
                if (!inName && !entry.codeWords().contains(word)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                (allInName ? byName : byCode).add(summary);
            }
        }
        // Entries are sorted by name already: name matches first, then code-only matches.
        byName.addAll(byCode);
        int from = (int) Math.min((long) page * size, byName.size());
        int to = Math.min(from + size, byName.size());
        return new Page<>(List.copyOf(byName.subList(from, to)), byName.size(), page, size);
    }

    /**
     * The index, loaded first if it is stale. A caller never sees the empty index of a node that has not loaded it
     * yet, or whose load failed: every procedure would look unpublished, and an intake be refused (422) for the
     * server's failure. It waits for the load under way (at most {@link #LOAD_WAIT}); a failed load is tried again by
     * the next caller. With no index at all, the database that could not be read is answered 503; with an earlier
     * one, that one serves meanwhile (searches go on during a database restart).
     */
    private Snapshot current() {
        Snapshot known = snapshot;
        if (!stale && known != NONE) {
            return known;
        }
        boolean locked;
        try {
            locked = loading.tryLock(LOAD_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable(e);
        }
        if (!locked) {
            if (known != NONE) {
                return known;
            }
            throw new DatabaseUnavailable(new IllegalStateException(
                    "The published catalogue was not loaded within " + LOAD_WAIT.toSeconds() + " s"));
        }
        try {
            if (stale || snapshot == NONE) {
                stale = false;
                try {
                    snapshot = load();
                } catch (RuntimeException e) {
                    stale = true;
                    if (snapshot != NONE && DatabaseUnavailable.isCause(e)) {
                        log.warn("Published catalogue index not rebuilt, the previous one serves: {}", e.toString());
                        return snapshot;
                    }
                    throw DatabaseUnavailable.isCause(e) ? new DatabaseUnavailable(e) : e;
                }
            }
            return snapshot;
        } finally {
            loading.unlock();
        }
    }

    private Snapshot load() {
        long revision = jdbc.sql("select revision from catalog_revision where id = 1").query(Long.class).single();
        List<Entry> entries = jdbc.sql("""
                select code, name, field, agency_name, time_limit_amount, time_limit_unit, online_level, version,
                       search_name
                from procedure_version where status = 'PUBLISHED' order by search_name, code""")
                .query((rs, n) -> new Entry(
                        new Catalog.Summary(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                                rs.getString("agency_name"),
                                new TimeLimit(rs.getInt("time_limit_amount"), TimeUnit.valueOf(rs.getString("time_limit_unit"))),
                                OnlineLevel.valueOf(rs.getString("online_level")), ProcedureStatus.PUBLISHED,
                                rs.getInt("version")),
                        " " + rs.getString("search_name"),
                        " " + rs.getString("code").toLowerCase(java.util.Locale.ROOT).replace('.', ' ')))
                .list();
        log.debug("Published catalogue index rebuilt: {} procedures at revision {}", entries.size(), revision);
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        entries.forEach(e -> versions.put(e.summary().code(), e.summary().version()));
        return new Snapshot(revision, entries.toArray(Entry[]::new), java.util.Map.copyOf(versions));
    }
}

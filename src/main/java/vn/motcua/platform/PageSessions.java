package vn.motcua.platform;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Page sessions are kept in PostgreSQL (Spring Session JDBC, tables of migration V35), so that every node serves
 * every signed-in browser and a node that dies signs nobody out. Spring Session would have every node delete the
 * expired ones each minute; here one node at a time does, every few minutes: an expired session is refused when
 * read whatever its row, so the purge only keeps the table small.
 */
@Component
class PageSessions {

    private final JdbcIndexedSessionRepository sessions;
    private final ClusterLock clusterLock;

    PageSessions(JdbcIndexedSessionRepository sessions, ClusterLock clusterLock) {
        this.sessions = sessions;
        this.clusterLock = clusterLock;
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void purgeExpired() {
        clusterLock.runExclusively("platform.session-purge", sessions::cleanUpExpiredSessions);
    }
}

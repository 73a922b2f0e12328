package vn.motcua.platform;

/**
 * A bean present only when motcua runs on its embedded PostgreSQL, i.e. no datasource is configured (see
 * {@link EmbeddedDatabaseConfiguration}). Ask for it with {@code ObjectProvider<EmbeddedDatabase>}.
 */
public final class EmbeddedDatabase {

    EmbeddedDatabase() {}
}

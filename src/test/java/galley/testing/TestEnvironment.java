package galley.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the integration-test run before any Arquillian deployment: a fresh data directory, and for
 * {@code GALLEY_TEST_DATABASE=postgresql} a real PostgreSQL started from Maven artifacts (zonky), so the
 * tests need nothing installed. The settings reach Payara Micro as JVM options through the Arquillian
 * container's {@code payara.cmdOptions} property. Does nothing in unit-test runs.
 */
public class TestEnvironment implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("payara.microJar") == null || System.getProperty("payara.cmdOptions") != null) return;
        String database = System.getenv().getOrDefault("GALLEY_TEST_DATABASE", "h2");
        Path dataDir = Path.of("target", "it-data", database).toAbsolutePath();
        deleteRecursively(dataDir);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String adminPassword = randomSecret();
        String metricsToken = randomSecret();
        List<String> options = new ArrayList<>(List.of(
                "-Xms256m", "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
                "-Dgalley.data.dir=" + dataDir,
                "-Dgalley.demo.enabled=true",
                "-Dgalley.demo.admin.user=" + TestConfig.ADMIN_USER,
                "-Dgalley.demo.admin.password=" + adminPassword,
                "-Dgalley.diagnostics.sql-statements=true",
                // /metrics asks for a scrape token (MetricsTests reads with it and checks it is refused without).
                "-Dgalley.metrics.token=" + metricsToken,
                // Webhook retries in seconds, not minutes: 0.5 s, 1 s, 2 s, then failed (WebhooksTests).
                "-Dgalley.webhooks.first-retry=PT0.5S",
                "-Dgalley.webhooks.max-attempts=4",
                "-Dgalley.webhooks.poll-period=PT0.2S",
                // Tests act as clients at addresses of their own through X-Forwarded-For (sign-in throttling).
                "-Dgalley.http.trusted-proxies=" + localAddresses()));
        if ("postgresql".equals(database)) {
            int port = freePort();
            try {
                postgres = EmbeddedPostgres.builder().setPort(port)
                        .setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            options.add("-Dgalley.db.url=jdbc:postgresql://localhost:" + port + "/postgres");
            options.add("-Dgalley.db.user=postgres");
            options.add("-Dgalley.db.password=postgres");
            System.setProperty(TestConfig.DB_URL, "jdbc:postgresql://localhost:" + port + "/postgres");
        }
        Path preboot = dataDir.resolve("preboot.txt");
        try {
            Files.writeString(preboot, "set hazelcast-runtime-configuration.start-port=" + freePort() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("payara.cmdOptions", String.join(" ", options));
        System.setProperty("payara.extraMicroOptions", "--prebootcommandfile " + preboot);
        System.setProperty(TestConfig.ADMIN_PASSWORD, adminPassword);
        System.setProperty(TestConfig.METRICS_TOKEN, metricsToken);
        System.setProperty(TestConfig.DATABASE, database);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // The JVM is ending; the data directory is under target/.
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Removes a directory and everything in it (test data of a previous run). */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This machine's own addresses: Arquillian's URL may name any of them, not only the loopback. */
    private static String localAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    addresses.add(text.contains("%") ? text.substring(0, text.indexOf('%')) : text);
                }
            }
        } catch (java.net.SocketException e) {
            throw new UncheckedIOException(e);
        }
        if (!addresses.contains("127.0.0.1")) addresses.add("127.0.0.1");
        return String.join(",", addresses);
    }
}

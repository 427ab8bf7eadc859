package galley.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the integration tests know about the Galley they run against (set by {@link TestEnvironment}). */
public final class TestConfig {

    static final String ADMIN_PASSWORD = "galley.it.admin.password";
    static final String DATABASE = "galley.it.database";
    static final String DB_URL = "galley.it.db.url";
    static final String METRICS_TOKEN = "galley.it.metrics.token";
    public static final String ADMIN_USER = "it-admin";

    private TestConfig() {
    }

    public static String adminPassword() {
        return System.getProperty(ADMIN_PASSWORD);
    }

    /** The scrape token /metrics of the test deployment asks for (galley.metrics.token). */
    public static String metricsToken() {
        return System.getProperty(METRICS_TOKEN);
    }

    /** "h2" or "postgresql". */
    public static String database() {
        return System.getProperty(DATABASE, "h2");
    }

    /** The JDBC URL of the PostgreSQL the tests run on, or null on H2. */
    public static String postgresUrl() {
        return System.getProperty(DB_URL);
    }

    /** The shared folder with the seed page and corpora, or null when this checkout has none. */
    public static Path shared() {
        String configured = System.getProperty("galley.shared");
        Path path = configured == null ? Path.of("..", "shared") : Path.of(configured);
        return Files.isDirectory(path) ? path.toAbsolutePath().normalize() : null;
    }

    /** A PKCS#8 PEM RSA key for Galley processes started outside the demo mode, made once per test run. */
    public static synchronized String signingKeyPem() {
        if (signingKey == null) {
            try {
                var generator = java.security.KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                signingKey = "-----BEGIN PRIVATE KEY-----\n"
                        + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----";
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return signingKey;
    }

    private static String signingKey;
}

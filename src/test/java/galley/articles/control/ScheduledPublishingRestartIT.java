package galley.articles.control;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyProcess;
import galley.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schedule survives a crash: a Galley process schedules an article and is killed before it is due; the
 * next process publishes it at start-up, with the scheduled time. The test starts its own processes (no
 * Arquillian deployment), on a database of their own.
 */
class ScheduledPublishingRestartIT {

    private static final String PASSWORD = "restart-admin-" + UUID.randomUUID();

    @Test
    void theScheduleSurvivesACrashAndDueArticlesAreCaughtUpAtStartUp() throws Exception {
        // Two Galley starts of its own (about 50 s each): run once, on H2. The catch-up is the same JPQL on both
        // databases, and on PostgreSQL galley.cluster.ClusterIT has nodes publish what falls due, also while one is down.
        assumeTrue("h2".equals(TestConfig.database()), "the crash-and-restart test runs on the embedded H2 database only");
        Map<String, String> settings = isolatedDatabase();
        Instant at;
        String slug;
        String id;
        long scheduledVersion;
        try (GalleyProcess first = GalleyProcess.start("restart-1-" + TestConfig.database(), settings)) {
            Api admin = first.api().as("restart-admin", PASSWORD);
            UUID author = createAuthor(admin, unique("Night Shift"));
            JsonObject draft = createArticle(admin, Content.article("en", unique("Published While Down"), author));
            id = draft.getString("id");
            slug = draft.getString("slug");
            // This node also runs with the per-site option for Unicode slugs.
            JsonObject russian = createArticle(admin, Content.article("ru", "Учения ОДКБ " + unique("x"), author));
            assertTrue(russian.getString("slug").startsWith("учения-одкб-"), russian.getString("slug"));
            at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
            scheduledVersion = admin.post("api/admin/articles/" + id + "/schedule",
                    Json.createObjectBuilder().add("publishAt", at.toString()).build()).expect(200).json().getJsonNumber("version").longValue();
            first.kill();
        }
        assertTrue(Instant.now().isBefore(at), "the node died before the article was due");
        try (GalleyProcess second = GalleyProcess.start("restart-2-" + TestConfig.database(), settings)) {
            assertTrue(Instant.now().isAfter(at), "the article fell due while no node ran");
            Api reader = second.api();
            Api.Reply read = awaitPublished(reader, slug, Duration.ofSeconds(15));
            assertEquals(200, read.status(), "caught up at start-up");
            assertEquals(at, Instant.parse(read.json().getString("publishedAt")));
            assertEquals(scheduledVersion + 1, second.api().as("restart-admin", PASSWORD).get("api/admin/articles/" + id)
                    .expect(200).json().getJsonNumber("version").longValue());
        }
    }

    static Api.Reply awaitPublished(Api reader, String slug, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Api.Reply read = reader.get("api/articles/" + slug);
        while (read.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            read = reader.get("api/articles/" + slug);
        }
        return read;
    }

    /** A database of its own, so the Arquillian-managed node cannot publish the article while this one is down. */
    private static Map<String, String> isolatedDatabase() throws Exception {
        Map<String, String> settings = new HashMap<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        settings.put("galley.data.dir", Path.of("target", "it-data", "restart-" + run).toAbsolutePath().toString());
        settings.put("galley.admin.user", "restart-admin");
        settings.put("galley.admin.password", PASSWORD);
        settings.put("galley.jwt.signing-key", TestConfig.signingKeyPem());
        settings.put("galley.slugs.unicode", "true");
        String postgres = TestConfig.postgresUrl();
        if (postgres != null) {
            try (Connection c = DriverManager.getConnection(postgres, "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute("create database restart_" + run);
            }
            settings.put("galley.db.url", postgres.substring(0, postgres.lastIndexOf('/') + 1) + "restart_" + run);
            settings.put("galley.db.user", "postgres");
            settings.put("galley.db.password", "postgres");
        }
        return settings;
    }
}

package galley.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backlog figures, read from Galley's own schema (its migrations) on an in-memory H2 database. */
class BacklogTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static JdbcDataSource dataSource;
    private Backlog backlog;

    @BeforeAll
    static void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:backlog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // As galley.database.control.MigrationIntegrator configures it for H2.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("binary_type", "blob")).load().migrate();
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("delete from webhook_delivery");
        execute("delete from webhook_endpoint");
        execute("delete from article");
        execute("delete from similar_request");
        execute("drop table if exists hsearch_outbox_event");
        backlog = new Backlog();
        backlog.dataSource = dataSource;
    }

    @Test
    void nothingWaitsInAnEmptyDatabase() throws SQLException {
        Backlog.Snapshot snapshot = backlog.read(NOW);
        assertEquals(new Backlog.Snapshot(NOW, 0, 0, 0, 0, 0, 0, 0, 0, 0), snapshot);
    }

    @Test
    void pendingDeliveriesToActiveEndpointsAreCountedWithTheOldestAge() throws SQLException {
        UUID active = endpoint(true);
        UUID inactive = endpoint(false);
        delivery(active, "PENDING", NOW.minusSeconds(30));
        delivery(active, "PENDING", NOW.minusSeconds(5));
        delivery(inactive, "PENDING", NOW.minusSeconds(3600)); // waits for its endpoint to be switched on again
        delivery(active, "DELIVERED", NOW.minusSeconds(7200));
        delivery(active, "FAILED", NOW.minusSeconds(7200));
        delivery(inactive, "FAILED", NOW.minusSeconds(7200));

        Backlog.Snapshot snapshot = backlog.read(NOW);
        assertEquals(2, snapshot.webhooksPending());
        assertEquals(30.0, snapshot.oldestWebhookSeconds(), 0.001);
        assertEquals(2, snapshot.webhooksFailed());
    }

    @Test
    void scheduledArticlesPastTheirTimeAreOverdue() throws SQLException {
        article("SCHEDULED", NOW.minusSeconds(90));
        article("SCHEDULED", NOW.minusSeconds(2));
        article("SCHEDULED", NOW.plusSeconds(600));
        article("DRAFT", null);

        Backlog.Snapshot snapshot = backlog.read(NOW);
        assertEquals(2, snapshot.publicationsOverdue());
        assertEquals(90.0, snapshot.oldestOverdueSeconds(), 0.001);
    }

    @Test
    void theIndexOutboxCountsWhenItsTableExists() throws SQLException {
        assertEquals(0, backlog.read(NOW).indexEventsPending(), "no table: the Lucene backend indexes synchronously");
        // Hibernate Search's outbox-polling table, as migration V11 makes it (status as a named enum).
        execute("create table hsearch_outbox_event (id uuid not null primary key, entityName varchar(256) not null, "
                + "entityId varchar(256) not null, entityIdHash integer not null, payload blob not null, retries integer not null, "
                + "processAfter timestamp(6) with time zone not null, status varchar(255) not null, tenantId varchar(255))");
        outboxEvent("PENDING", NOW.minusSeconds(12));
        outboxEvent("PENDING", NOW.minusSeconds(1));
        outboxEvent("PENDING", NOW.plusSeconds(30)); // a retry, not due yet
        outboxEvent("ABORTED", NOW.minusSeconds(3600));

        Backlog.Snapshot snapshot = backlog.read(NOW);
        assertEquals(3, snapshot.indexEventsPending());
        assertEquals(12.0, snapshot.oldestIndexEventSeconds(), 0.001);
    }

    @Test
    void anOutboxTableWithAnotherStatusColumnIsCountedWhole() throws SQLException {
        execute("create table hsearch_outbox_event (id uuid not null primary key, processAfter timestamp(6) not null, status integer not null)");
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into hsearch_outbox_event values (?, ?, 0)")) {
            insert.setObject(1, UUID.randomUUID());
            // A column without a time zone holds UTC (hibernate.jdbc.time_zone).
            insert.setObject(2, NOW.minusSeconds(7).atOffset(ZoneOffset.UTC).toLocalDateTime());
            insert.executeUpdate();
        }
        Backlog.Snapshot snapshot = backlog.read(NOW);
        assertEquals(1, snapshot.indexEventsPending());
        assertEquals(7.0, snapshot.oldestIndexEventSeconds(), 0.001);
    }

    @Test
    void similarRequestsCountOncePerArticleAndOnceForAFullRecomputation() throws SQLException {
        UUID article = UUID.randomUUID();
        similarRequest(article, NOW.minusSeconds(40));
        similarRequest(article, NOW.minusSeconds(2)); // the same article again: one recomputation
        similarRequest(UUID.randomUUID(), NOW.minusSeconds(1));
        similarRequest(null, NOW.minusSeconds(3)); // a full recomputation after an import
        similarRequest(null, NOW.minusSeconds(1));

        Backlog.Snapshot snapshot = backlog.read(NOW);
        assertEquals(3, snapshot.similarPending());
        assertEquals(40.0, snapshot.oldestSimilarSeconds(), 0.001);
    }

    private void similarRequest(UUID article, Instant requestedAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into similar_request (id, article_id, spread, requested_at, due_at) "
                     + "values (?, ?, false, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, article);
            insert.setObject(3, at(requestedAt));
            insert.setObject(4, at(requestedAt));
            insert.executeUpdate();
        }
    }

    private UUID endpoint(boolean active) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into webhook_endpoint (id, url, secret, active, created_at, updated_at, version) "
                     + "values (?, 'https://hooks.example.org/', 'whsec_test', ?, ?, ?, 0)")) {
            insert.setObject(1, id);
            insert.setBoolean(2, active);
            insert.setObject(3, at(NOW));
            insert.setObject(4, at(NOW));
            insert.executeUpdate();
        }
        return id;
    }

    private void delivery(UUID endpoint, String status, Instant createdAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, "
                     + "attempts, created_at, next_attempt_at) values (?, ?, ?, 'ping', '{}', ?, 0, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, endpoint);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, status);
            insert.setObject(5, at(createdAt));
            insert.setObject(6, "PENDING".equals(status) ? at(createdAt) : null);
            insert.executeUpdate();
        }
    }

    private void article(String status, Instant publishAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into article (id, slug, language, translation_group, title, body_markdown, "
                     + "body_html, word_count, reading_minutes, status, publish_at, created_at, updated_at, version) "
                     + "values (?, ?, 'en', ?, 'A title', 'Text', '<p>Text</p>', 1, 1, ?, ?, ?, ?, 0)")) {
            insert.setObject(1, id);
            insert.setString(2, "article-" + id);
            insert.setObject(3, id);
            insert.setString(4, status);
            insert.setObject(5, publishAt == null ? null : at(publishAt));
            insert.setObject(6, at(NOW));
            insert.setObject(7, at(NOW));
            insert.executeUpdate();
        }
    }

    private void outboxEvent(String status, Instant processAfter) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into hsearch_outbox_event (id, entityName, entityId, entityIdHash, payload, "
                     + "retries, processAfter, status) values (?, 'Article', '1', 1, X'00', 0, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, at(processAfter));
            insert.setString(3, status);
            insert.executeUpdate();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

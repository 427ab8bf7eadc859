package galley.metrics.control;

import galley.configuration.control.PlatformResources;
import galley.database.control.DatabaseDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The work waiting in the database, for the backlog gauges: webhook deliveries pending (to active endpoints)
 * and failed, scheduled publications overdue, similar-posts recomputations requested, and Hibernate Search's outbox events when outbox-polling
 * coordination is configured (table {@code hsearch_outbox_event}; with the embedded Lucene backend indexing is
 * synchronous, the table does not exist and nothing waits).
 *
 * <p>Read with plain JDBC (indexed counts, a few milliseconds) only when metrics are scraped, at most once per
 * {@link #FRESH}. A scrape never waits more than {@link #WAIT} for the database: it gets the last figures, and
 * figures older than {@link #STALE} (the database is not answering) are reported as unknown rather than as
 * if they were current.
 */
@ApplicationScoped
public class Backlog {

    private static final Logger LOG = Logger.getLogger(Backlog.class.getName());
    static final Duration FRESH = Duration.ofSeconds(2);
    static final Duration WAIT = Duration.ofSeconds(2);
    static final Duration STALE = Duration.ofSeconds(60);
    private static final String OUTBOX_TABLE = "hsearch_outbox_event";

    /** What waits, as read at {@code takenAt}; ages are in seconds, 0 when nothing waits. */
    public record Snapshot(Instant takenAt, long webhooksPending, double oldestWebhookSeconds, long webhooksFailed,
                           long publicationsOverdue, double oldestOverdueSeconds,
                           long indexEventsPending, double oldestIndexEventSeconds,
                           long similarPending, double oldestSimilarSeconds) {
    }

    DataSource dataSource;

    ManagedExecutorService executor;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        dataSource = PlatformResources.lookup(DatabaseDefinition.JNDI_NAME);
        executor = PlatformResources.executor();
    }

    Clock clock = Clock.systemUTC();

    private volatile Snapshot last;
    private Future<?> refreshing;
    private Instant refreshStarted = Instant.EPOCH;

    /** The latest figures, read again when older than {@link #FRESH}; null when none is recent enough. */
    public Snapshot current() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (snapshot != null && snapshot.takenAt().plus(FRESH).isAfter(now)) return snapshot;
        Future<?> refresh;
        Instant deadline;
        synchronized (this) {
            if (refreshing == null || refreshing.isDone()) {
                refreshing = executor.submit(this::refresh);
                refreshStarted = now;
            }
            refresh = refreshing;
            // One wait per refresh, not per gauge: a scrape reads all the gauges in a row.
            deadline = refreshStarted.plus(WAIT);
        }
        long waitMillis = Duration.between(now, deadline).toMillis();
        if (waitMillis > 0) {
            try {
                refresh.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // The last figures stand (or none); the refresh goes on, and logs its own failure.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        snapshot = last;
        return snapshot != null && snapshot.takenAt().plus(STALE).isAfter(clock.instant()) ? snapshot : null;
    }

    void refresh() {
        try {
            last = read(clock.instant());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the backlog figures: " + e);
        }
    }

    Snapshot read(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long[] webhooks = countAndOldest(connection, "select count(*), min(d.created_at) from webhook_delivery d "
                    + "join webhook_endpoint e on e.id = d.endpoint_id where d.status = 'PENDING' and e.active = true", null, now);
            long failed = countAndOldest(connection, "select count(*), null from webhook_delivery where status = 'FAILED'", null, now)[0];
            long[] overdue = countAndOldest(connection, "select count(*), min(publish_at) from article "
                    + "where status = 'SCHEDULED' and publish_at <= ?", now, now);
            long[] index = {0, 0};
            if (exists(connection, OUTBOX_TABLE)) {
                try {
                    index = countAndOldest(connection, "select count(*), min(processAfter) from " + OUTBOX_TABLE
                            + " where status = 'PENDING'", null, now);
                } catch (SQLException e) {
                    // A status column of another shape than Hibernate Search's named enum: count every event.
                    index = countAndOldest(connection, "select count(*), min(processAfter) from " + OUTBOX_TABLE, null, now);
                }
            }
            // Requests for one article are one recomputation; a null article is a full recomputation.
            long[] similar = countAndOldest(connection, "select count(distinct article_id) "
                    + "+ coalesce(max(case when article_id is null then 1 else 0 end), 0), min(requested_at) from similar_request", null, now);
            return new Snapshot(now, webhooks[0], webhooks[1] / 1000.0, failed, overdue[0], overdue[1] / 1000.0,
                    index[0], index[1] / 1000.0, similar[0], similar[1] / 1000.0);
        }
    }

    /** The count and the age in milliseconds of the oldest timestamp (0 when none, or when it lies ahead). */
    private static long[] countAndOldest(Connection connection, String sql, Instant parameter, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(5);
            if (parameter != null) statement.setObject(1, OffsetDateTime.ofInstant(parameter, ZoneOffset.UTC));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                // Galley writes UTC (hibernate.jdbc.time_zone); a column without a time zone is read as UTC too.
                Timestamp oldest = row.getTimestamp(2, Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
                long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis());
                return new long[] {row.getLong(1), age};
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                while (tables.next()) {
                    if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) return true;
                }
            }
        }
        return false;
    }
}

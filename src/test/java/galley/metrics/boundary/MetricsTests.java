package galley.metrics.boundary;

import static galley.testing.Content.article;
import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import galley.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Metrics as a Prometheus scraper reads them from {@code /metrics} (Payara's MicroProfile Metrics, Galley's
 * application scope): the scrape token, request timers per operation and status class (rendered reads, reads
 * answered from the public-response cache, 304s, refusals, unknown paths), the public-response cache's and
 * the second-level cache's counts, and the backlog gauges following a webhook delivery that waits. Exact
 * deltas: the tests of a deployment run one after another, and nothing else sends API requests meanwhile.
 */
public interface MetricsTests extends GalleyTests {

    String REQUESTS = "galley_requests_seconds";
    String HITS = "galley_cache_responses_hits_total";
    String MISSES = "galley_cache_responses_misses_total";
    String INVALIDATIONS = "galley_cache_responses_invalidations_total";
    String AWAITED = "galley_cache_responses_awaited_total";
    String WEBHOOKS_PENDING = "galley_webhooks_deliveries_pending";
    String WEBHOOKS_PENDING_AGE = "galley_webhooks_deliveries_pending_oldest_age_seconds";
    String WEBHOOKS_FAILED = "galley_webhooks_deliveries_failed";
    Duration PATIENCE = Duration.ofSeconds(30);

    private Api.Reply scrape(String authorization) {
        Api anonymous = api().anonymous();
        return authorization == null ? anonymous.get("metrics?scope=application")
                : anonymous.get("metrics?scope=application", "Authorization", authorization);
    }

    private MetricsText metrics() {
        Api.Reply reply = scrape("Bearer " + TestConfig.metricsToken()).expect(200);
        return MetricsText.parse(reply.body());
    }

    private MetricsText awaitMetrics(Predicate<MetricsText> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        MetricsText now = metrics();
        while (!done.test(now)) {
            if (System.nanoTime() > deadline) throw new AssertionError("metrics never showed " + what + ":\n" + now);
            Thread.sleep(200);
            now = metrics();
        }
        return now;
    }

    private static double count(MetricsText m, String operation, String status) {
        return m.value(REQUESTS + "_count", "operation", operation, "status", status);
    }

    @Test
    default void metricsAreReadWithTheScrapeTokenOnly() {
        assertNotNull(TestConfig.metricsToken(), "the test run sets galley.metrics.token");
        for (String wrong : new String[] {null, "Bearer not-the-token", "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()),
                api().admin().authorization()}) {
            Api.Reply refused = scrape(wrong);
            assertEquals(401, refused.status(), "refused: " + wrong);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
            assertEquals(401, refused.json().getInt("status"));
            assertEquals(refused.header("X-Request-Id"), refused.json().getString("requestId"));
            assertTrue(refused.header("WWW-Authenticate").startsWith("Bearer"));
        }
        Api.Reply scraped = scrape("Bearer " + TestConfig.metricsToken()).expect(200);
        assertTrue(scraped.contentType().startsWith("text/plain"), scraped.contentType());
        assertTrue(scraped.body().contains(REQUESTS + "_count{"), "the request timers are there");
        assertEquals("nosniff", scraped.header("X-Content-Type-Options"), "Galley's filters cover the endpoint");
        // The server's own scopes (JVM, pools) behind the same token.
        assertTrue(api().anonymous().get("metrics?scope=base", "Authorization", "Bearer " + TestConfig.metricsToken())
                .expect(200).body().contains("jvm_uptime_seconds"));
        // The API's bearer mechanism leaves the scrape token alone, and API requests are unaffected by it.
        api().anonymous().get("api/tags").expect(200);
    }

    @Test
    default void everyReadIsCountedUnderItsOperationRenderedCachedOrNotModified() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Metrics Author"));
        JsonObject created = createArticle(admin, article("en", unique("Metrics counted read"), author));
        publish(admin, created.getString("id"));
        String path = "api/articles/" + created.getString("slug");

        MetricsText before = metrics();
        int reads = 0;
        Api.Reply read;
        do {
            // Until it is answered from the kept copy: a background similar-posts recomputation may drop it once.
            read = api().get(path).expect(200);
            reads++;
        } while (!"0".equals(read.header("X-SQL-Statements")) && reads < 20);
        assertEquals("0", read.header("X-SQL-Statements"), "a repeated read is answered from the public-response cache");
        api().get(path, "If-None-Match", read.header("ETag")).expect(304);
        api().get("api/articles/" + unique("no-such-article")).expect(404);
        MetricsText after = metrics();

        assertEquals(reads, count(after, "getArticle", "2xx") - count(before, "getArticle", "2xx"),
                "every 200, rendered or from the cache, under getArticle");
        assertEquals(1, count(after, "getArticle", "3xx") - count(before, "getArticle", "3xx"), "the 304");
        assertEquals(1, count(after, "getArticle", "4xx") - count(before, "getArticle", "4xx"), "the 404");
        assertTrue(after.value(HITS) - before.value(HITS) >= 1, "the cached answer counted as a hit");
        assertEquals(reads + 2, (after.value(HITS) + after.value(MISSES)) - (before.value(HITS) + before.value(MISSES)),
                "each cacheable read is a hit or a miss");
        // Latency: a sum, a maximum and the quantiles of the recent requests, in seconds.
        assertTrue(after.value(REQUESTS + "_sum", "operation", "getArticle", "status", "2xx")
                > before.value(REQUESTS + "_sum", "operation", "getArticle", "status", "2xx"));
        double max = after.value(REQUESTS + "_max", "operation", "getArticle", "status", "2xx");
        assertTrue(max > 0 && max < 60, "the slowest read, in seconds: " + max);
        // Neither Payara's quantiles (in nanoseconds) nor its buckets (counted in a sample): see the README.
        assertTrue(after.all(REQUESTS).isEmpty(), "no quantiles");
        assertTrue(after.all(REQUESTS + "_bucket").isEmpty(), "no buckets");

        // A committed change drops every kept answer, counted.
        admin.post("api/admin/articles/" + created.getString("id") + "/unpublish", null).expect(200);
        assertTrue(metrics().value(INVALIDATIONS) > after.value(INVALIDATIONS), "the unpublishing invalidated the kept answers");
        api().get(path).expect(404);
    }

    @Test
    default void searchAnswersAreKeptForAFewSecondsAtMostAndDroppedByAChange() throws InterruptedException {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Kept Search Author"));
        String marker = "zq" + Long.toString(System.nanoTime(), 36);
        String path = "api/search?lang=en&q=" + marker;
        publish(admin, createArticle(admin, article("en", "Kept search " + marker, author)).getString("id"));
        assertEquals(1, api().get(path).expect(200).json().getInt("total"));

        // Kept: a repeated search is a hit (tried again while background work, similar posts after the
        // publication, drops the kept answers).
        boolean hit = false;
        for (int attempt = 0; attempt < 40 && !hit; attempt++) {
            MetricsText before = metrics();
            api().get(path).expect(200);
            hit = metrics().value(HITS) - before.value(HITS) == 1;
            if (!hit) Thread.sleep(250);
        }
        assertTrue(hit, "a repeated search was answered from the kept answers");

        // Not for longer than galley.cache.responses.search-seconds (5): the index may lag the commit.
        Thread.sleep(5_500);
        MetricsText before = metrics();
        api().get(path).expect(200);
        assertEquals(0, metrics().value(HITS) - before.value(HITS), "a search answer kept 5.5 s ago is not served");

        // And a change drops it at once, like every kept answer.
        api().get(path).expect(200);
        publish(admin, createArticle(admin, article("en", "Kept search again " + marker, author)).getString("id"));
        assertEquals(2, api().get(path).expect(200).json().getInt("total"), "the next search after a change shows it");
    }

    /**
     * Single flight: a burst of requests missing the same answer at once renders it once (or a few times, when
     * the burst straggles), the others wait and are served what was rendered. Tried with new keys until a burst
     * overlapped a rendering; without single flight none ever does.
     */
    @Test
    default void concurrentMissesOfOneAnswerWaitForOneRendering() throws Exception {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Burst Author"));
        String marker = "zb" + Long.toString(System.nanoTime(), 36);
        publish(admin, createArticle(admin, article("en", "Burst " + marker, author)).getString("id"));
        int burst = 16;
        boolean awaited = false;
        var pool = Executors.newFixedThreadPool(burst);
        try {
            for (int attempt = 1; attempt <= 8 && !awaited; attempt++) {
                String path = "api/search?lang=en&size=" + (20 + attempt) + "&q=" + marker; // a key never asked before
                var start = new CountDownLatch(1);
                var replies = new ArrayList<Future<Api.Reply>>();
                MetricsText before = metrics();
                for (int i = 0; i < burst; i++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return api().get(path);
                    }));
                }
                start.countDown();
                Set<String> tags = new HashSet<>();
                for (var reply : replies) tags.add(reply.get(30, TimeUnit.SECONDS).expect(200).header("ETag"));
                MetricsText after = metrics();
                assertEquals(1, tags.size(), "one answer for all: " + tags);
                double waited = after.value(AWAITED) - before.value(AWAITED);
                assertEquals(burst, (after.value(HITS) + after.value(MISSES)) - (before.value(HITS) + before.value(MISSES)),
                        "each request counted once as a hit or a miss (a miss that waited also as awaited)");
                awaited = waited >= 1;
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(awaited, "in 8 bursts of " + burst + " no request waited for another's rendering");
    }

    @Test
    default void refusedAndUnknownRequestsAreCounted() {
        MetricsText before = metrics();
        api().anonymous().get("api/admin/articles").expect(401);
        api().withToken("galley_" + "0".repeat(40)).get("api/admin/articles").expect(401);
        api().anonymous().get("api/" + unique("nothing-here")).expect(404);
        api().admin().get("api/admin/articles?size=1").expect(200);
        MetricsText after = metrics();

        assertEquals(1, count(after, "adminListArticles", "4xx") - count(before, "adminListArticles", "4xx"),
                "the anonymous call, under the operation it asked for");
        assertEquals(1, after.value("galley_requests_unauthenticated_total") - before.value("galley_requests_unauthenticated_total"),
                "the unknown token, refused before any operation");
        assertEquals(1, count(after, "none", "4xx") - count(before, "none", "4xx"), "the unknown path");
        assertEquals(1, count(after, "adminListArticles", "2xx") - count(before, "adminListArticles", "2xx"));
    }

    @Test
    default void secondLevelCacheHitsAndMissesAreCountedPerRegion() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Metrics Cached Author"));
        String id = createArticle(admin, article("en", unique("Metrics cached entity"), author)).getString("id");
        MetricsText before = metrics();
        for (int i = 0; i < 3; i++) admin.get("api/admin/articles/" + id).expect(200);
        MetricsText after = metrics();

        var regions = after.all("galley_cache_entities_hits");
        assertFalse(regions.isEmpty(), "one series per region");
        for (var region : regions) assertFalse(Double.isNaN(region.value()), "statistics found for " + region.labels());
        assertTrue(after.has("galley_cache_entities_hits", "region", "galley.articles.entity.Article"));
        assertTrue(after.sum("galley_cache_entities_hits") > before.sum("galley_cache_entities_hits"),
                "reading an article again is answered from the second-level cache");
        assertTrue(after.sum("galley_cache_entities_puts") >= before.sum("galley_cache_entities_puts"));
    }

    @Test
    default void backlogGaugesFollowAWebhookDeliveryThatWaits() throws Exception {
        Api admin = api().admin();
        MetricsText before = metrics();
        assertFalse(Double.isNaN(before.value(WEBHOOKS_PENDING)), "the backlog figures are read from the database");
        assertTrue(before.has("galley_articles_scheduled_overdue"));
        assertTrue(before.value("galley_articles_scheduled_overdue_oldest_age_seconds") >= 0);
        // The embedded Lucene backend indexes synchronously: no outbox table, nothing waits.
        assertEquals(0, before.value("galley_index_outbox_pending"));
        assertTrue(before.has("galley_similar_recompute_pending"));
        double pending = before.value(WEBHOOKS_PENDING);

        try (WebhookReceiver receiver = WebhookReceiver.answering(204).gated()) {
            String webhook = register(admin, receiver.url("/metrics"));
            try {
                admin.post("api/admin/webhooks/" + webhook + "/ping", null).expect(202);
                // Sent and held by the receiver: still pending until it answers.
                MetricsText waiting = awaitMetrics(m -> m.value(WEBHOOKS_PENDING) >= pending + 1 && m.value(WEBHOOKS_PENDING_AGE) > 0,
                        "the pending delivery");
                assertTrue(waiting.value(WEBHOOKS_PENDING_AGE) < 60, "its age, in seconds");
                receiver.open();
                awaitMetrics(m -> m.value(WEBHOOKS_PENDING) == pending, "the delivery done");
            } finally {
                admin.delete("api/admin/webhooks/" + webhook).expect(204);
            }
        }

        // A receiver that is not there: retried (0.5 s, 1 s, 2 s in the test run), then failed.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        double failed = metrics().value(WEBHOOKS_FAILED);
        String webhook = register(admin, "http://127.0.0.1:" + closedPort + "/gone");
        try {
            admin.post("api/admin/webhooks/" + webhook + "/ping", null).expect(202);
            awaitMetrics(m -> m.value(WEBHOOKS_FAILED) == failed + 1 && m.value(WEBHOOKS_PENDING) == pending, "the failed delivery");
        } finally {
            admin.delete("api/admin/webhooks/" + webhook).expect(204);
        }
        awaitMetrics(m -> m.value(WEBHOOKS_FAILED) == failed, "the failed delivery gone with its endpoint");
    }

    private static String register(Api admin, String url) {
        JsonObject body = Json.createObjectBuilder().add("url", url).add("events", Json.createArrayBuilder().add("author.updated"))
                .add("description", unique("metrics receiver")).build();
        return admin.post("api/admin/webhooks", body).expect(201).json().getJsonObject("webhook").getString("id");
    }
}

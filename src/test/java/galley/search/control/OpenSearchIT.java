package galley.search.control;

import static galley.testing.Content.createAuthor;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyProcess;
import galley.testing.OpenSearchNode;
import galley.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The clustered search configuration: Galley nodes on PostgreSQL with the OpenSearch backend and
 * outbox-polling coordination, on an OpenSearch node the build provides ({@link OpenSearchNode}). Published
 * articles become searchable and get similar posts; a second node finds what the first published; with
 * OpenSearch stopped, articles, authors and admin writes still work while search and similar-posts
 * recomputation answer 503; once it is back, the change written meanwhile is indexed without a restart.
 * Starts its own processes on a database of its own (no Arquillian deployment); PostgreSQL execution only.
 */
class OpenSearchIT {

    private static final String ADMIN = "search-admin";
    private static final String PASSWORD = "search-admin-" + UUID.randomUUID();

    @Test
    void galleyOnOpenSearchSearchesSharesTheIndexAndSurvivesAnOutage() throws Exception {
        assumeTrue("postgresql".equals(TestConfig.database()), "the clustered configuration runs on PostgreSQL");
        Map<String, String> settings = isolatedDatabase();
        try (OpenSearchNode search = OpenSearchNode.start("galley-search")) {
            settings.put("galley.search.backend", "opensearch");
            settings.put("galley.search.opensearch.uris", search.url());
            try (GalleyProcess nodeA = GalleyProcess.start("search-a", settings)) {
                // The second node starts while the first is tested (the first created the index: no race for it).
                CompletableFuture<GalleyProcess> startingB = CompletableFuture.supplyAsync(() -> GalleyProcess.start("search-b", settings));
                try {
                    exercise(search, nodeA, startingB);
                } finally {
                    startingB.thenAccept(GalleyProcess::close).exceptionally(e -> null);
                }
            }
        }
    }

    private void exercise(OpenSearchNode search, GalleyProcess nodeA, CompletableFuture<GalleyProcess> startingB) throws Exception {
        Api admin = nodeA.api().as(ADMIN, PASSWORD);
        Api reader = nodeA.api();
        analyzersMatchLucene(search);

        // Indexed through the outbox, searchable, and similar posts computed from OpenSearch.
        UUID author = createAuthor(admin, unique("Harbour Watcher"));
        String word = "zq" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        List<JsonObject> ferries = new ArrayList<>();
        long slowestIndexing = 0;
        for (int i = 0; i < 3; i++) {
            JsonObject article = publishArticle(admin, author, "Shipping", "Caspian ferry " + word + " " + i,
                    "The Caspian ferry crossing between Baku and Aktau carries freight wagons, trucks and passengers. "
                            + "Port capacity at Baku and Aktau limits the ferry schedule; " + word + " crossings wait for weather.");
            long started = System.nanoTime();
            await(() -> reader.get("api/search?lang=en&q=" + word + "&size=10"),
                    r -> r.status() == 200 && r.body().contains(article.getString("slug")), Duration.ofSeconds(30), "searchable");
            slowestIndexing = Math.max(slowestIndexing, (System.nanoTime() - started) / 1_000_000);
            ferries.add(article);
        }
        JsonObject unrelated = publishArticle(admin, author, "Food", "Alpine cheese " + unique("x"),
                "Mountain dairies age cheese in caves for months; the rind is washed with brine.");
        await(() -> reader.get("api/search?lang=en&q=cheese"), r -> r.body().contains(unrelated.getString("slug")),
                Duration.ofSeconds(30), "unrelated article searchable");
        JsonObject hit = reader.get("api/search?lang=en&q=" + word).expect(200).json();
        assertEquals(3, hit.getInt("total"), hit.toString());
        assertTrue(hit.getJsonArray("items").getJsonObject(0).getJsonArray("highlights").toString().contains("<mark>"), hit.toString());
        assertEquals(400, reader.get("api/search?q=" + java.net.URLEncoder.encode("ferry AND (", java.nio.charset.StandardCharsets.UTF_8))
                .status(), "a query OpenSearch cannot parse is the caller's fault");
        String first = ferries.get(0).getString("slug");
        long similarStarted = System.nanoTime();
        Api.Reply similar = await(() -> reader.get("api/articles/" + first + "/similar"),
                r -> r.status() == 200 && r.json().getJsonArray("items").size() >= 2, Duration.ofSeconds(60), "similar posts");
        long similarMs = (System.nanoTime() - similarStarted) / 1_000_000;
        String similarSlugs = similar.json().getJsonArray("items").toString();
        assertTrue(similarSlugs.contains(ferries.get(1).getString("slug")) && similarSlugs.contains(ferries.get(2).getString("slug")), similarSlugs);
        assertFalse(similarSlugs.contains(unrelated.getString("slug")), similarSlugs);
        JsonObject recomputed = admin.post("api/admin/similar/recompute", Json.createObjectBuilder()
                .add("articleId", ferries.get(0).getString("id")).build()).expect(200).json();
        assertTrue(recomputed.getInt("entries") >= 2, recomputed.toString());

        // Two nodes, one index: each finds what the other published.
        GalleyProcess nodeB = startingB.get();
        Api adminB = nodeB.api().as(ADMIN, PASSWORD);
        assertTrue(nodeB.api().get("api/search?lang=en&q=" + word).expect(200).body().contains(first), "node B finds node A's article");
        JsonObject fromB = publishArticle(adminB, author, "Shipping", "Aktau port " + word + " extension", "The Aktau port extension adds a ferry berth.");
        long crossStarted = System.nanoTime();
        await(() -> reader.get("api/search?lang=en&q=" + word), r -> r.body().contains(fromB.getString("slug")),
                Duration.ofSeconds(30), "node A finds node B's article");
        long crossMs = (System.nanoTime() - crossStarted) / 1_000_000;

        // OpenSearch away: content is served and written, search and recomputation answer 503.
        search.stop();
        long outageStarted = System.nanoTime();
        assertEquals(200, reader.get("api/articles/" + ferries.get(1).getString("slug")).status());
        assertEquals(200, nodeB.api().get("api/articles/" + fromB.getString("slug")).status());
        assertEquals(200, reader.get("api/authors").status());
        Api.Reply down = reader.get("api/search?lang=en&q=" + word);
        assertEquals(503, down.status(), down.toString());
        assertTrue(down.contentType().startsWith("application/problem+json"), down.toString());
        assertNotNull(down.header("Retry-After"), down.toString());
        JsonObject duringOutage = publishArticle(admin, author, "Shipping", "Ferry strike " + word + " outage",
                "A ferry strike at Baku stopped the Caspian crossings for a day.");
        Api.Reply recompute = admin.post("api/admin/similar/recompute", Json.createObjectBuilder()
                .add("articleId", ferries.get(1).getString("id")).build());
        assertEquals(503, recompute.status(), recompute.toString());
        assertNotNull(recompute.header("Retry-After"));
        assertEquals(503, admin.post("api/admin/similar/recompute", Json.createObjectBuilder().build()).status());
        JsonObject searchCheck = await(() -> nodeA.api().get("health/ready"), r -> r.status() == 200
                && "false".equals(data(check(r, "search"), "reachable")), Duration.ofSeconds(15), "readiness reports search unreachable").json();
        assertEquals("UP", searchCheck.getString("status"), "the node stays in the balancer: " + searchCheck);
        // Long enough for the outbox agent to give the change up (three tries, 2 s apart): it must come back anyway.
        Thread.sleep(8000);
        JsonObject searchData = check(nodeA.api().get("health/ready").expect(200), "search");
        assertTrue(Long.parseLong(data(searchData, "outboxPending")) + Long.parseLong(data(searchData, "outboxAborted")) > 0, searchData.toString());
        long outageMs = (System.nanoTime() - outageStarted) / 1_000_000;

        // Back: the change written during the outage is indexed without a restart.
        Duration restart = search.start();
        long backStarted = System.nanoTime();
        await(() -> reader.get("api/search?lang=en&q=" + word), r -> r.status() == 200 && r.body().contains(duringOutage.getString("slug")),
                Duration.ofSeconds(60), "the article written during the outage becomes searchable");
        long catchUpMs = (System.nanoTime() - backStarted) / 1_000_000;
        assertTrue(nodeB.api().get("api/search?lang=en&q=" + word).expect(200).body().contains(duringOutage.getString("slug")));
        await(() -> reader.get("api/articles/" + duringOutage.getString("slug") + "/similar"),
                r -> r.status() == 200 && !r.json().getJsonArray("items").isEmpty(), Duration.ofSeconds(60),
                "similar posts of the article written during the outage");
        long similarCatchUpMs = (System.nanoTime() - backStarted) / 1_000_000;
        admin.post("api/admin/similar/recompute", Json.createObjectBuilder().add("articleId", ferries.get(1).getString("id")).build()).expect(200);
        System.out.printf("OpenSearch backend: publish to searchable at most %d ms (3 articles); similar posts after %d ms; "
                        + "node B's article searchable on node A after %d ms; outage of %d ms; OpenSearch restart %d ms; "
                        + "article written during the outage searchable %d ms after OpenSearch answered, its similar posts after %d ms%n",
                slowestIndexing, similarMs, crossMs, outageMs, restart.toMillis(), catchUpMs, similarCatchUpMs);
    }

    /** OpenSearch's analyzers (OpenSearchAnalysis) give the terms Lucene's (LanguageAnalysis) give. */
    private static void analyzersMatchLucene(OpenSearchNode search) throws Exception {
        Map<IndexedLanguage, String> texts = Map.of(
                IndexedLanguage.ENGLISH, "The ferry's crossings were delayed: ports' capacities and the securities of Baku.",
                IndexedLanguage.TURKISH, "İstanbul'da ILIK bir kış; Iğdır'ın ışıkları ve limanların kapasitesi.",
                IndexedLanguage.RUSSIAN, "Учения ОДКБ в Казахстане прошли у паромных переправ.",
                IndexedLanguage.OTHER, "Çà et là, Straße über Brücken");
        for (var e : texts.entrySet()) {
            Analyzer text = LanguageAnalysis.textAnalyzer(e.getKey());
            assertEquals(lucene(text, e.getValue()), opensearch(search, e.getKey().analyzer(), e.getValue()), e.getKey() + " words");
            assertEquals(lucene(new ShingleAnalyzerWrapper(text, 2, 2, " ", false, true, ""), e.getValue()),
                    opensearch(search, e.getKey().pairAnalyzer(), e.getValue()), e.getKey() + " word pairs");
        }
    }

    private static List<String> lucene(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        }
        return terms;
    }

    private static List<String> opensearch(OpenSearchNode search, String analyzer, String text) throws Exception {
        String body = Json.createObjectBuilder().add("analyzer", analyzer).add("text", text).build().toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(search.url() + "/article-read/_analyze"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new java.io.StringReader(response.body())).readObject().getJsonArray("tokens").stream()
                .map(t -> t.asJsonObject().getString("token")).toList();
    }

    private static JsonObject check(Api.Reply health, String name) {
        return health.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError("no check " + name + ": " + health));
    }

    /** A value of a health check's data (Payara writes them all as strings). */
    private static String data(JsonObject check, String key) {
        var value = check.getJsonObject("data").get(key);
        if (value == null) throw new AssertionError("no " + key + " in " + check);
        return value instanceof jakarta.json.JsonString text ? text.getString() : value.toString();
    }

    private static JsonObject publishArticle(Api admin, UUID author, String tag, String title, String body) {
        JsonObject draft = Content.createArticle(admin, Content.article("en", title, author).add("body", body)
                .add("tags", Json.createArrayBuilder().add(tag)));
        return Content.publish(admin, draft.getString("id"));
    }

    private static Api.Reply await(java.util.function.Supplier<Api.Reply> call, Predicate<Api.Reply> done, Duration patience, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Api.Reply reply = call.get();
        while (!done.test(reply)) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " within " + patience + "; last answer: " + reply);
            Thread.sleep(100);
            reply = call.get();
        }
        return reply;
    }

    /** A database of its own in the run's PostgreSQL: only these nodes write its outbox. */
    private static Map<String, String> isolatedDatabase() throws Exception {
        Map<String, String> settings = new HashMap<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        settings.put("galley.data.dir", Path.of("target", "it-data", "search-" + run).toAbsolutePath().toString());
        settings.put("galley.admin.user", ADMIN);
        settings.put("galley.admin.password", PASSWORD);
        settings.put("galley.jwt.signing-key", TestConfig.signingKeyPem());
        String postgres = TestConfig.postgresUrl();
        try (Connection c = DriverManager.getConnection(postgres, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("create database search_" + run);
        }
        settings.put("galley.db.url", postgres.substring(0, postgres.lastIndexOf('/') + 1) + "search_" + run);
        settings.put("galley.db.user", "postgres");
        settings.put("galley.db.password", "postgres");
        return settings;
    }
}

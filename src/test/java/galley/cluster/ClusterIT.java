package galley.cluster;

import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.search.control.OpenSearchAnalyzersCheck;
import galley.testing.GalleyProcess;
import galley.testing.OpenSearchNode;
import galley.testing.TestConfig;
import galley.testing.TestPostgres;
import galley.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Galley nodes that share state only through engines built for it: PostgreSQL for content, Payara's
 * Hazelcast data grid for the caches ({@code galley.cache.provider=payara}), clustered on the loopback
 * interface, and an OpenSearch node for the index ({@code galley.search.backend=opensearch}, outbox-polling
 * coordination; the node comes from the build, {@link OpenSearchNode}). One pair of nodes, one PostgreSQL and
 * one OpenSearch of the test's own serve every scenario, in order: changes through one node show on the other
 * (public API and search) with no stale cached copy; scheduled publications are published once; the index is
 * shared, and an OpenSearch outage degrades only search and similar posts, which catch up by themselves; a
 * PostgreSQL outage answers 503 and heals by itself; {@code kill -9} of a node in the middle of writes loses
 * no acknowledged write nor the similar-posts recomputation of an article published just before it (the other
 * node takes it), the other node keeps serving and the killed one rejoins, serving the same similar posts,
 * although OpenSearch is down while it starts (search answers 503 until it is back, then works with no restart).
 *
 * <p>Bounded for the suite (PostgreSQL execution only); {@code -Dgalley.cluster.long=true} (or
 * {@code src/test/bench/cluster.sh}) runs the same scenarios with bigger numbers. Figures are printed and
 * written to {@code target/cluster/figures-<time>.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String ADMIN = "cluster-admin";
    static final String PASSWORD = "cluster-admin-" + UUID.randomUUID();

    final Scale scale = Scale.fromSystemProperties();
    final Figures figures = new Figures();
    TestPostgres db;
    OpenSearchNode search;
    GalleyProcess a;
    GalleyProcess b;

    @BeforeAll
    void startTwoNodes() {
        assumeTrue("postgresql".equals(TestConfig.database()), "the cluster test runs in the PostgreSQL execution only");
        CompletableFuture<OpenSearchNode> searchStarting = CompletableFuture.supplyAsync(() -> OpenSearchNode.start("galley-cluster"));
        db = TestPostgres.startFresh(Path.of("target", "it-data", "cluster", "postgres"));
        search = searchStarting.join();
        GalleyProcess.Cluster cluster = GalleyProcess.Cluster.onLoopback(2);
        long started = System.nanoTime();
        // Side by side: Flyway's lock makes one of them migrate the fresh schema while the other waits.
        a = GalleyProcess.launch("cluster-a", settings("a"), cluster, 0);
        b = GalleyProcess.launch("cluster-b", settings("b"), cluster, 1);
        a.awaitReady(Duration.ofMinutes(6));
        b.awaitReady(Duration.ofMinutes(6));
        figures.add("two nodes started side by side, ready after", seconds(System.nanoTime() - started));
        assertEquals(2, a.clusterSize(), "node A sees both members");
        assertEquals(2, b.clusterSize(), "node B sees both members");
    }

    Map<String, String> settings(String node) {
        Map<String, String> settings = new HashMap<>();
        settings.put("galley.data.dir", Path.of("target", "it-data", "cluster", node).toAbsolutePath().toString());
        settings.put("galley.db.url", db.jdbcUrl());
        settings.put("galley.db.user", "postgres");
        settings.put("galley.db.password", "postgres");
        settings.put("galley.admin.user", ADMIN);
        settings.put("galley.admin.password", PASSWORD);
        // Every node signs and checks sign-in tokens with the same key: a token from A is good on B.
        settings.put("galley.jwt.signing-key", TestConfig.signingKeyPem());
        settings.put("galley.diagnostics.sql-statements", "true");
        settings.put("galley.webhooks.poll-period", "PT0.2S");
        settings.put("galley.search.backend", "opensearch");
        settings.put("galley.search.opensearch.uris", search.url());
        // Known in advance, as deploy/search-cluster.md advises: a node then starts while the cluster is away.
        settings.put("galley.search.opensearch.version", search.version());
        return settings;
    }

    @AfterAll
    void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
        if (db != null) db.close();
        if (search != null) search.close();
        figures.print();
    }

    Api admin(GalleyProcess node) {
        return node.api().as(ADMIN, PASSWORD);
    }

    @Test
    @Order(1)
    void changesThroughOneNodeShowOnTheOtherWithNoStaleCopy() throws Exception {
        Api adminA = admin(a);
        Api readerB = b.api();
        Api adminB = admin(b);
        UUID author = Content.createAuthor(adminA, unique("Cluster Author"));
        long longest = 0;
        List<Long> delays = new ArrayList<>();
        List<Long> cachedOnB = new ArrayList<>();
        List<Long> searchedOnB = new ArrayList<>();
        for (int round = 0; round < scale.propagationRounds(); round++) {
            String word = madeUpWord();
            JsonObject draft = Content.createArticle(adminA, Content.article("en", unique("Seen Everywhere"), author)
                    .add("body", "Seen everywhere: the " + word + " survey, counted again."));
            String id = draft.getString("id");
            String slug = draft.getString("slug");
            String searchPath = "api/search?lang=en&q=" + word;
            // B has the draft cached as "absent" in every layer it reads through (public answer, entity).
            readerB.get("api/articles/" + slug).expect(404);
            assertEquals(draft.getJsonNumber("version").longValue(), adminB.get("api/admin/articles/" + id).expect(200).json()
                    .getJsonNumber("version").longValue());

            // Published on A: visible on B.
            Content.publish(adminA, id);
            delays.add(awaitOn(readerB, "api/articles/" + slug, r -> r.status() == 200));
            // ... and found by B's search: the nodes share one index.
            searchedOnB.add(awaitOn(readerB, searchPath, r -> r.status() == 200 && r.body().contains(slug), Duration.ofSeconds(30)));

            // B serves it from its caches (no SQL at all for a repeated public read; the similar posts recomputed
            // in the background after publishing may drop it once more first) ...
            cachedOnB.add(awaitOn(readerB, "api/articles/" + slug, r -> r.status() == 200 && "0".equals(r.header("X-SQL-Statements")),
                    Duration.ofSeconds(20)));
            // ... and an edit on A replaces that copy on B: the public answer and the entity (admin reads use the second-level cache).
            String edited = "Edited " + unique("title");
            JsonObject body = adminA.get("api/admin/articles/" + id).expect(200).json();
            JsonObject input = Json.createObjectBuilder(Content.article("en", edited, author).build()).add("slug", slug).build();
            JsonObject updated = adminA.put("api/admin/articles/" + id, input, Content.ifMatch(adminA, "articles", id)).expect(200).json();
            delays.add(awaitOn(readerB, "api/articles/" + slug, r -> r.status() == 200 && edited.equals(r.json().getString("title"))));
            JsonObject onB = adminB.get("api/admin/articles/" + id).expect(200).json();
            assertEquals(updated.getJsonNumber("version").longValue(), onB.getJsonNumber("version").longValue(), "B's entity is the edited one");
            assertEquals(edited, onB.getString("title"));
            assertEquals(body.getJsonArray("references").size(), onB.getJsonArray("references").size());

            // The author renamed on A: B's cached article answers carry the new name.
            String renamed = unique("Renamed Author");
            JsonObject authorInput = Content.author(renamed).build();
            adminA.put("api/admin/authors/" + author, authorInput, Content.ifMatch(adminA, "authors", author)).expect(200);
            delays.add(awaitOn(readerB, "api/articles/" + slug, r -> r.status() == 200
                    && renamed.equals(r.json().getJsonArray("authors").getJsonObject(0).getString("name"))));
            cachedOnB.add(awaitOn(readerB, "api/articles/" + slug, r -> r.status() == 200 && "0".equals(r.header("X-SQL-Statements")),
                    Duration.ofSeconds(20)));

            // Deleted on A: gone on B, also from B's list that had it cached.
            String listed = "\"slug\":\"" + slug + "\"";
            assertTrue(readerB.get("api/articles?lang=en&size=100").expect(200).body().contains(listed), "in B's list");
            adminA.delete("api/admin/articles/" + id, Content.ifMatch(adminA, "articles", id)).expect(204);
            delays.add(awaitOn(readerB, "api/articles/" + slug, r -> r.status() == 404));
            assertTrue(!readerB.get("api/articles?lang=en&size=100").expect(200).body().contains(listed), "no longer in B's list");
            searchedOnB.add(awaitOn(readerB, searchPath, r -> r.status() == 200 && !r.body().contains(slug), Duration.ofSeconds(30)));
            adminB.get("api/admin/articles/" + id).expect(404);
        }
        longest = delays.stream().mapToLong(Long::longValue).max().orElse(0);
        figures.add("changes through A checked on B", delays.size() + " (" + scale.propagationRounds() + " rounds of publish, edit, author rename, delete)");
        figures.add("longest time until B showed a change made through A", longest + " ms");
        figures.add("median time until B showed it", delays.stream().sorted().toList().get(delays.size() / 2) + " ms");
        figures.add("time until B answered a changed article from its cache (0 statements), after publishing / after an author's rename",
                cachedOnB + " ms");
        long longestSearch = searchedOnB.stream().mapToLong(Long::longValue).max().orElse(0);
        figures.add("time until B's search showed a publication / deletion made through A (shared OpenSearch index)", searchedOnB + " ms");
        assertTrue(longest < 5_000, "B showed every change within 5 s; the longest took " + longest + " ms");
        assertTrue(longestSearch < 10_000, "B's search showed every change within 10 s; the longest took " + longestSearch + " ms");
    }

    @Test
    @Order(2)
    void scheduledPublicationsAreEachPublishedOnceAndDeliveredOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            Api adminA = admin(a);
            String webhook = createWebhook(adminA, receiver, "/both-nodes");
            UUID author = Content.createAuthor(adminA, unique("Two Nodes"));
            List<String[]> scheduled = schedule(adminA, author, scale.scheduled(), Duration.ofSeconds(3 + scale.scheduled() / 10)).articles();
            // Both nodes poll the schedule and the outbox: each article must be published once, each delivery sent once.
            awaitPublishedOnce(b.api(), admin(b), scheduled, receiver, "both nodes up");
            long byB = scheduled.stream().filter(s -> b.log().contains("Published scheduled article " + s[0])).count();
            figures.add("scheduled articles due with both nodes up", scheduled.size() + ", each published once (" + byB
                    + " by node B, " + (scheduled.size() - byB) + " by node A), one webhook delivery each");
            adminA.delete("api/admin/webhooks/" + webhook).expect(204);
        }
    }

    @Test
    @Order(3)
    void oneIndexForBothNodesAndAnOpenSearchOutageDegradesOnlySearch() throws Exception {
        OpenSearchAnalyzersCheck.assertMatchLucene(search);
        Api adminA = admin(a);
        Api readerA = a.api();
        Api readerB = b.api();
        UUID author = Content.createAuthor(adminA, unique("Harbour Watcher"));
        String word = madeUpWord();

        // Published through A: searchable on both nodes, similar posts computed from OpenSearch and the same on both.
        List<JsonObject> ferries = new ArrayList<>();
        long slowestIndexing = 0;
        for (int i = 0; i < 3; i++) {
            JsonObject article = publishArticle(adminA, author, "Caspian ferry " + word + " " + i,
                    "The Caspian ferry crossing between Baku and Aktau carries freight wagons, trucks and passengers. "
                            + "Port capacity at Baku and Aktau limits the ferry schedule; " + word + " crossings wait for weather.");
            slowestIndexing = Math.max(slowestIndexing, awaitOn(readerB, "api/search?lang=en&q=" + word + "&size=10",
                    r -> r.status() == 200 && r.body().contains(article.getString("slug")), Duration.ofSeconds(30)));
            ferries.add(article);
        }
        // Unrelated in text, author and tag (a shared tag or author alone may earn a place in a short list).
        JsonObject unrelatedDraft = Content.createArticle(adminA, Content.article("en", "Alpine cheese " + unique("x"),
                        Content.createAuthor(adminA, unique("Cheese Maker")))
                .add("body", "Mountain dairies age cheese in caves for months; the rind is washed with brine.")
                .add("tags", Json.createArrayBuilder().add("Dairy")));
        JsonObject unrelated = Content.publish(adminA, unrelatedDraft.getString("id"));
        JsonObject hit = readerA.get("api/search?lang=en&q=" + word).expect(200).json();
        assertEquals(3, hit.getInt("total"), hit.toString());
        assertTrue(hit.getJsonArray("items").getJsonObject(0).getJsonArray("highlights").toString().contains("<mark>"), hit.toString());
        assertEquals(400, readerA.get("api/search?q=" + java.net.URLEncoder.encode("ferry AND (", java.nio.charset.StandardCharsets.UTF_8))
                .status(), "a query OpenSearch cannot parse is the caller's fault");
        String first = "api/articles/" + ferries.get(0).getString("slug") + "/similar";
        long similarMs = awaitOn(readerB, first, r -> r.status() == 200 && r.json().getJsonArray("items").size() >= 2, Duration.ofSeconds(60));
        String similarSlugs = readerB.get(first).expect(200).json().getJsonArray("items").toString();
        assertTrue(similarSlugs.contains(ferries.get(1).getString("slug")) && similarSlugs.contains(ferries.get(2).getString("slug")), similarSlugs);
        assertFalse(similarSlugs.contains(unrelated.getString("slug")), similarSlugs);
        // The same list on both nodes once background recomputations (the later publications touch these lists) settle.
        long sameAfter = awaitOn(readerA, first, r -> r.status() == 200
                && r.json().getJsonArray("items").equals(readerB.get(first).expect(200).json().getJsonArray("items")), Duration.ofSeconds(30));
        figures.add("OpenSearch: both nodes serving the same similar posts after", sameAfter + " ms");
        // Published through B: found through A.
        JsonObject fromB = publishArticle(admin(b), author, "Aktau port " + word + " extension", "The Aktau port extension adds a ferry berth.");
        long crossMs = awaitOn(readerA, "api/search?lang=en&q=" + word, r -> r.body().contains(fromB.getString("slug")), Duration.ofSeconds(30));

        // OpenSearch away: content is served and written, search and recomputation answer 503 with Retry-After.
        // (Queries not asked before: a search answer kept from just before the outage is served for its few seconds.)
        search.stop();
        long outageStarted = System.nanoTime();
        readerA.get("api/articles/" + ferries.get(1).getString("slug")).expect(200);
        readerB.get("api/articles/" + fromB.getString("slug")).expect(200);
        readerB.get("api/authors").expect(200);
        for (Api.Reply down : List.of(readerA.get("api/search?lang=en&size=7&q=" + word), readerB.get("api/search?lang=en&q=" + word + "+ferry"),
                adminA.post("api/admin/similar/recompute", Json.createObjectBuilder().add("articleId", ferries.get(1).getString("id")).build()),
                adminA.post("api/admin/similar/recompute", Json.createObjectBuilder().build()))) {
            assertEquals(503, down.status(), down.toString());
            assertTrue(down.contentType().startsWith("application/problem+json"), down.toString());
            assertNotNull(down.header("Retry-After"), down.toString());
        }
        JsonObject duringOutage = publishArticle(adminA, author, "Ferry strike " + word + " outage",
                "A ferry strike at Baku stopped the Caspian crossings for a day.");
        // Readiness reports search unreachable.
        awaitOn(a.api(), "health/ready", r -> r.status() == 200 && "false".equals(data(check(r, "search"), "reachable")), Duration.ofSeconds(15));
        JsonObject searchCheck = a.api().get("health/ready").expect(200).json();
        assertEquals("UP", searchCheck.getString("status"), "the node stays in the balancer: " + searchCheck);
        // Long enough for the outbox agent to give the change up (three tries, 2 s apart): it must come back anyway.
        Thread.sleep(8000);
        JsonObject searchData = check(a.api().get("health/ready").expect(200), "search");
        assertTrue(Long.parseLong(data(searchData, "outboxPending")) + Long.parseLong(data(searchData, "outboxAborted")) > 0, searchData.toString());
        long outageMs = (System.nanoTime() - outageStarted) / 1_000_000;

        // Back: the change written during the outage is indexed, and gets its similar posts, without a restart.
        Duration restart = search.start();
        String strike = duringOutage.getString("slug");
        long catchUpMs = awaitOn(readerB, "api/search?lang=en&q=" + word, r -> r.status() == 200 && r.body().contains(strike), Duration.ofSeconds(60));
        long similarCatchUpMs = catchUpMs + awaitOn(readerA, "api/articles/" + strike + "/similar",
                r -> r.status() == 200 && !r.json().getJsonArray("items").isEmpty(), Duration.ofSeconds(60));
        adminA.post("api/admin/similar/recompute", Json.createObjectBuilder().add("articleId", ferries.get(1).getString("id")).build()).expect(200);
        figures.add("OpenSearch: publish through A to searchable on B, slowest of 3", slowestIndexing + " ms");
        figures.add("OpenSearch: similar posts on B after the third publication", similarMs + " ms");
        figures.add("OpenSearch: published through B, searchable on A after", crossMs + " ms");
        figures.add("OpenSearch down for", outageMs + " ms (reads and writes served; search and recomputation 503 with Retry-After)");
        figures.add("OpenSearch restart", restart.toMillis() + " ms");
        figures.add("article written during the OpenSearch outage searchable after it answered again / its similar posts",
                catchUpMs + " ms / " + similarCatchUpMs + " ms");
    }

    @Test
    @Order(4)
    void aDatabaseOutageAnswers503AndHealsWithoutARestart() throws Exception {
        Api adminA = admin(a);
        Api adminB = admin(b);
        UUID author = Content.createAuthor(adminA, unique("Outage Author"));
        JsonObject kept = Content.createArticle(adminA, Content.article("en", unique("Through The Outage"), author));
        Content.publish(adminA, kept.getString("id"));
        String keptPath = "api/articles/" + kept.getString("slug");
        // Both nodes hold its public answer, once the similar-posts recomputations after publishing (which drop it
        // once more when they store a list) are all done: a fixed wait was too short on a busy machine.
        awaitRequestsDone(Duration.ofSeconds(60));
        for (GalleyProcess node : List.of(a, b)) {
            awaitOn(node.api(), keptPath, r -> r.status() == 200 && "0".equals(r.header("X-SQL-Statements")), Duration.ofSeconds(20));
        }
        String before = contentDigest();

        db.stop();
        long stopped = System.nanoTime();
        long slowest = 0;
        try {
            for (GalleyProcess node : List.of(a, b)) {
                Api reader = node.api();
                Api admin = admin(node);
                slowest = Math.max(slowest, timed(() -> assertEquals(503, readiness(node), node.name() + " is not ready")));
                // A read that needs the database: 503 problem+json with Retry-After, quickly.
                slowest = Math.max(slowest, timed(() -> expectUnavailable(reader.get("api/articles?lang=en&size=3&page=" + (1 + node.name().length())))));
                slowest = Math.max(slowest, timed(() -> expectUnavailable(reader.get("api/authors/" + unique("never-read")))));
                slowest = Math.max(slowest, timed(() -> expectUnavailable(admin.get("api/admin/articles?size=5"))));
                slowest = Math.max(slowest, timed(() -> expectUnavailable(admin.post("api/admin/articles",
                        Content.article("en", unique("Written In The Outage"), author).build()))));
                slowest = Math.max(slowest, timed(() -> expectUnavailable(reader.signIn(ADMIN, PASSWORD))));
                // A kept public answer is still served: nothing can change while the database is away, so it is current.
                reader.get(keptPath).expect(200);
            }
            Thread.sleep(scale.outage().toMillis());
            assertEquals(503, readiness(a));
        } finally {
            db.start();
        }
        long restarted = System.nanoTime();
        assertEquals(before, contentDigest(), "the content is as it was before the outage");
        figures.add("PostgreSQL down for", seconds(restarted - stopped) + "; slowest answer during the outage " + slowest
                + " ms (readiness 503, reads, admin reads and writes, sign-in: 503 problem+json)");
        assertTrue(slowest < 15_000, "every request during the outage was answered within 15 s; the slowest took " + slowest + " ms");
        for (GalleyProcess node : List.of(a, b)) {
            long recovered = awaitRecovery(node, author);
            figures.add("node " + node.name() + " serving reads and writes again after PostgreSQL was back", recovered + " ms");
        }
        // And it is served as usual, and the writes of the recovery checks were kept.
        adminB.get("api/admin/articles/" + kept.getString("id")).expect(200);
        b.api().get(keptPath).expect(200);
    }

    @Test
    @Order(5)
    void killingANodeInTheMiddleOfWritesLosesNoAcknowledgedWriteNorASimilarPostsRecomputation() throws Exception {
        Api adminA = admin(a);
        Api adminB = admin(b);
        UUID author = Content.createAuthor(adminA, unique("Crash Author"));
        // Two related articles whose similar posts have settled; a third is published through A just before the kill.
        String word = madeUpWord();
        JsonObject first = publishArticle(adminA, author, unique(word + " Tidal Barrage"),
                (word + " tidal barrage turbines estuary sluice. ").repeat(3));
        JsonObject second = publishArticle(adminA, author, unique(word + " Estuary Turbines"),
                (word + " estuary turbines sluice barrage. ").repeat(3));
        awaitOn(b.api(), similarPath(first), r -> slugs(r).contains(second.getString("slug")), Duration.ofSeconds(60));
        JsonObject third = Content.createArticle(adminA, Content.article("en", unique(word + " Sluice Gates"), author)
                .add("body", (word + " sluice barrage turbines estuary tidal. ").repeat(3))
                .add("tags", Json.createArrayBuilder().add("Shipping")));
        JsonObject steady = Content.createArticle(adminA, Content.article("en", unique("Read Throughout"), author));
        Content.publish(adminA, steady.getString("id"));
        String steadyPath = "api/articles/" + steady.getString("slug");
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String webhook = createWebhook(adminB, receiver, "/one-node-down");
            // Due while A is down: B alone must publish them, and A must not publish them again when it is back.
            Scheduled dueWhileDown = schedule(adminB, author, scale.scheduled(),
                    scale.writesBeforeKill().plusSeconds(8 + scale.scheduled() / 10));

            Writes writes = new Writes(adminA, author, scale.writers());
            Reads reads = new Reads(b.api(), adminB, steadyPath);
            writes.start();
            reads.start();
            Thread.sleep(scale.writesBeforeKill().toMillis());
            // Acknowledged: A is killed before it can have recomputed anything (with OpenSearch it waits for the index first).
            Content.publish(adminA, third.getString("id"));
            a.kill();
            long killed = System.nanoTime();
            figures.add("similar posts of the article published just before A's kill -9, listed at the kill",
                    slugs(b.api().get(similarPath(third))).size() + "; recomputation requests in the database " + similarRequests());
            assertTrue(Instant.now().isBefore(dueWhileDown.due()), "A was killed before the scheduled articles fell due");
            writes.awaitEnd(Duration.ofSeconds(30));
            Thread.sleep(3000);

            // Every acknowledged write is there, complete, through B.
            Writes.Check check = writes.checkOn(adminB, b.api());
            figures.add("writes sent to A (creates, edits, publications; " + scale.writers() + " clients)", writes.sent());
            figures.add("writes acknowledged by A before kill -9", writes.acknowledged());
            figures.add("writes in flight at the kill (no answer)", writes.inFlight());
            figures.add("acknowledged writes lost", check.lost());
            long halfWritten = halfWrittenArticles();
            figures.add("half-written articles in the database", halfWritten);

            // The scheduled articles fall due while A is down: published once each, one delivery each.
            awaitPublishedOnce(b.api(), adminB, dueWhileDown.articles(), receiver, "node A down");
            figures.add("scheduled articles due while node A was down", dueWhileDown.articles().size() + ", each published once, one webhook delivery each");

            // B takes the recomputation: at once if A had not claimed it, else once A's lease has run out.
            long computed = awaitOn(b.api(), similarPath(third),
                    r -> slugs(r).containsAll(List.of(first.getString("slug"), second.getString("slug"))), Duration.ofSeconds(90));
            figures.add("A killed right after publishing: the article's similar posts computed by B after", computed + " ms");
            // And the lists that follow it: the first article's list now names it; no request is left behind.
            awaitOn(b.api(), similarPath(first), r -> slugs(r).contains(third.getString("slug")), Duration.ofSeconds(60));
            awaitRequestsDone(Duration.ofSeconds(60));

            // A restarts and rejoins, B serving throughout; the search cluster is away meanwhile: a node starts without it.
            search.stop();
            long restarting = System.nanoTime();
            a.restart().awaitReady(Duration.ofMinutes(6));
            Api.Reply searchWhileAway = a.api().get("api/search?lang=en&q=" + word);
            assertEquals(503, searchWhileAway.status(), "search on A, started while OpenSearch was down: " + searchWhileAway);
            figures.add("node A restarted after kill -9, ready in", seconds(System.nanoTime() - restarting));
            figures.add("node A down (kill to ready)", seconds(System.nanoTime() - killed));
            reads.stop();
            figures.add("reads through B while A was killed and restarted", reads.summary());
            assertEquals(List.of(), check.problems(), "every acknowledged write is present and complete on B");
            assertEquals(0, check.lost());
            assertTrue(writes.acknowledged() > scale.writers(), "the clients wrote before the kill: " + writes.acknowledged());
            assertEquals(0, halfWritten, "no article without its authors, tags and references");
            assertEquals(0, reads.failures(), "B answered every read: " + reads.summary());
            assertEquals(2, a.clusterSize(), "A rejoined the cluster");
            for (JsonObject article : List.of(first, second, third)) {
                List<String> onB = slugs(b.api().get(similarPath(article)).expect(200));
                assertEquals(onB, slugs(a.api().get(similarPath(article)).expect(200)),
                        "both nodes serve the same similar posts of " + article.getString("slug"));
            }

            // Once back, A serves and the two nodes' caches agree: a change through B shows on A, whose copy was cached.
            Api readerA = a.api();
            readerA.get(steadyPath).expect(200);
            readerA.get(steadyPath).expect(200);
            String retitled = "After The Restart " + unique("t");
            String steadyId = steady.getString("id");
            JsonObject input = Json.createObjectBuilder(Content.article("en", retitled, author).build()).add("slug", steady.getString("slug")).build();
            adminB.put("api/admin/articles/" + steadyId, input, Content.ifMatch(adminB, "articles", steadyId)).expect(200);
            long shown = awaitOn(readerA, steadyPath, r -> r.status() == 200 && retitled.equals(r.json().getString("title")));
            figures.add("after the rejoin, a change through B shown on A after", shown + " ms");
            // A's start-up catch-up found nothing left to publish.
            Thread.sleep(2000);
            awaitPublishedOnce(a.api(), admin(a), dueWhileDown.articles(), receiver, "after A's restart");
            adminB.delete("api/admin/webhooks/" + webhook).expect(204);
        }
        // OpenSearch back: A prepares the index it could not at start-up and serves search, with no restart.
        Duration searchRestart = search.start();
        long searchOnA = awaitOn(a.api(), "api/search?lang=en&q=" + word,
                r -> r.status() == 200 && r.body().contains(third.getString("slug")), Duration.ofSeconds(60));
        figures.add("A started while OpenSearch was down (search 503, the rest served); search on A after OpenSearch answered again",
                searchOnA + " ms (OpenSearch restart " + searchRestart.toMillis() + " ms)");
    }

    /** A word that appears in nothing else the test writes, so a search for it finds only what is meant. */
    static String madeUpWord() {
        return "zq" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + Long.toString(UUID.randomUUID().getMostSignificantBits() & 0xffff, 36);
    }

    static JsonObject publishArticle(Api admin, UUID author, String title, String body) {
        JsonObject draft = Content.createArticle(admin, Content.article("en", title, author).add("body", body)
                .add("tags", Json.createArrayBuilder().add("Shipping")));
        return Content.publish(admin, draft.getString("id"));
    }

    static JsonObject check(Api.Reply health, String name) {
        return health.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError("no check " + name + ": " + health));
    }

    /** A value of a health check's data (Payara writes them all as strings). */
    static String data(JsonObject check, String key) {
        var value = check.getJsonObject("data").get(key);
        if (value == null) throw new AssertionError("no " + key + " in " + check);
        return value instanceof jakarta.json.JsonString text ? text.getString() : value.toString();
    }

    static String createWebhook(Api admin, WebhookReceiver receiver, String path) {
        return admin.post("api/admin/webhooks", Json.createObjectBuilder().add("url", receiver.url(path))
                .add("events", Json.createArrayBuilder().add("article.published")).build())
                .expect(201).json().getJsonObject("webhook").getString("id");
    }

    /**
     * Creates {@code count} drafts, then schedules them all for {@code dueIn} after the drafts exist:
     * [id, slug, version after scheduling], and the time they are due.
     */
    static Scheduled schedule(Api admin, UUID author, int count, Duration dueIn) {
        List<JsonObject> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) drafts.add(Content.createArticle(admin, Content.article("en", unique("Due Later"), author)));
        Instant due = Instant.now().plus(dueIn).truncatedTo(ChronoUnit.MILLIS);
        List<String[]> scheduled = new ArrayList<>();
        for (JsonObject draft : drafts) {
            long version = admin.post("api/admin/articles/" + draft.getString("id") + "/schedule",
                    Json.createObjectBuilder().add("publishAt", due.toString()).build()).expect(200).json().getJsonNumber("version").longValue();
            scheduled.add(new String[] {draft.getString("id"), draft.getString("slug"), Long.toString(version)});
        }
        assertTrue(Instant.now().isBefore(due), "all were scheduled before they fell due");
        return new Scheduled(scheduled, due);
    }

    record Scheduled(List<String[]> articles, Instant due) {
    }

    /** Each article public on {@code reader}, its version one above the scheduled one, and one article.published delivery. */
    static void awaitPublishedOnce(Api reader, Api admin, List<String[]> scheduled, WebhookReceiver receiver, String when) throws Exception {
        for (String[] s : scheduled) {
            awaitOn(reader, "api/articles/" + s[1], r -> r.status() == 200, Duration.ofSeconds(60));
        }
        List<String> ids = scheduled.stream().map(s -> s[0]).toList();
        receiver.await(r -> ids.stream().allMatch(id -> r.stream().anyMatch(x -> id.equals(x.dataId()))), Duration.ofSeconds(30));
        Thread.sleep(1500);
        for (String[] s : scheduled) {
            assertEquals(Long.parseLong(s[2]) + 1, admin.get("api/admin/articles/" + s[0]).expect(200).json()
                    .getJsonNumber("version").longValue(), when + ": published exactly once: " + s[1]);
        }
        List<WebhookReceiver.Received> received = receiver.received(r -> ids.contains(r.dataId()));
        for (String id : ids) {
            assertEquals(1, received.stream().filter(r -> id.equals(r.dataId())).count(), when + ": one article.published delivery of " + id);
        }
    }

    static void expectUnavailable(Api.Reply reply) {
        assertEquals(503, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        assertEquals(503, reply.json().getInt("status"));
        assertTrue(reply.header("Retry-After") != null, "Retry-After on " + reply);
    }

    /** The status of the node's readiness check (MicroProfile Health: 200 up, 503 down). */
    static int readiness(GalleyProcess node) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.api().uri("health/ready"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Milliseconds until {@code node} is ready, serves an uncached read and takes a write again (fails after 60 s). */
    long awaitRecovery(GalleyProcess node, UUID author) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        Api admin = admin(node);
        while (true) {
            try {
                if (readiness(node) == 200
                        && node.api().get("api/articles?lang=en&size=4&page=" + (int) (Math.random() * 1000 + 2)).status() == 200
                        && admin.post("api/admin/articles", Content.article("en", unique("After The Outage"), author).build()).status() == 201) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            if (System.nanoTime() > deadline) throw new AssertionError(node.name() + " did not recover within 60 s of PostgreSQL's return");
            Thread.sleep(100);
        }
    }

    /** A digest of every article, author and tag row with its version: equal before and after an outage. */
    String contentDigest() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            StringBuilder rows = new StringBuilder();
            for (String sql : List.of("select id, version, status, title from article order by id",
                    "select id, version, display_name from author order by id", "select id, version, name from tag order by id")) {
                try (ResultSet r = s.executeQuery(sql)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) rows.append(r.getString(i)).append('|');
                        rows.append('\n');
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Articles missing any of what every article the tests write has: an author, a tag and a reference. */
    long halfWrittenArticles() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from article a where not exists (select 1 from article_author x where x.article_id = a.id)"
                     + " or not exists (select 1 from article_tag x where x.article_id = a.id)"
                     + " or not exists (select 1 from article_reference x where x.article_id = a.id)")) {
            r.next();
            return r.getLong(1);
        }
    }

    static long timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    static long awaitOn(Api api, String path, Predicate<Api.Reply> shown) throws InterruptedException {
        return awaitOn(api, path, shown, Duration.ofSeconds(10));
    }

    /** Polls {@code path} on {@code api} until {@code shown}; how long that took, in milliseconds. */
    static long awaitOn(Api api, String path, Predicate<Api.Reply> shown, Duration patience) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        Api.Reply reply;
        while (!shown.test(reply = api.get(path))) {
            if (System.nanoTime() > deadline) throw new AssertionError("not shown within " + patience + ": " + reply);
            Thread.sleep(10);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The numbers of a run: small in the suite, bigger with -Dgalley.cluster.long=true. */
    record Scale(boolean big, int propagationRounds, int writers, Duration writesBeforeKill, int scheduled, Duration outage) {
        static Scale fromSystemProperties() {
            boolean big = Boolean.getBoolean("galley.cluster.long");
            return new Scale(big,
                    Integer.getInteger("galley.cluster.rounds", big ? 30 : 3),
                    Integer.getInteger("galley.cluster.writers", big ? 8 : 4),
                    Duration.ofSeconds(Integer.getInteger("galley.cluster.write-seconds", big ? 30 : 5)),
                    Integer.getInteger("galley.cluster.scheduled", big ? 100 : 10),
                    Duration.ofSeconds(Integer.getInteger("galley.cluster.outage-seconds", big ? 30 : 3)));
        }
    }

    /** The figures the run measured, printed at the end and kept under target/cluster/. */
    static final class Figures {
        private final Map<String, String> lines = new java.util.LinkedHashMap<>();

        synchronized void add(String what, Object value) {
            lines.put(what, String.valueOf(value));
            System.out.println("cluster: " + what + ": " + value);
        }

        synchronized void print() {
            StringBuilder text = new StringBuilder("Cluster test figures (" + java.time.Instant.now() + ")\n");
            lines.forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
            System.out.print(text);
            try {
                Path dir = Path.of("target", "cluster");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(dir.resolve("figures-" + System.currentTimeMillis() + ".txt"), text);
            } catch (java.io.IOException e) {
                System.err.println("Could not write the figures: " + e);
            }
        }
    }

    static String similarPath(JsonObject article) {
        return "api/articles/" + article.getString("slug") + "/similar?limit=20";
    }

    static List<String> slugs(Api.Reply similar) {
        if (similar.status() != 200) return List.of();
        return similar.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }

    long similarRequests() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from similar_request")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every recomputation request done (deleted): none is left behind by the killed node. */
    void awaitRequestsDone(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long left;
        while ((left = similarRequests()) > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError(left + " recomputation requests left after " + patience);
            Thread.sleep(100);
        }
    }
}

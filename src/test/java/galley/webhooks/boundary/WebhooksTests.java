package galley.webhooks.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.ifMatch;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import galley.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhooks over real HTTP: Galley (its own Payara process) posts to receivers in this JVM. The test run
 * shortens the retry settings (first retry 0.5 s, 4 attempts: see {@code galley.testing.TestEnvironment});
 * waits poll with a deadline, never sleep a fixed time.
 */
public interface WebhooksTests extends GalleyTests {

    Duration PATIENCE = Duration.ofSeconds(30);
    /** The test run's galley.webhooks.max-attempts and first-retry. */
    int MAX_ATTEMPTS = 4;
    Duration FIRST_RETRY = Duration.ofMillis(500);

    private static JsonObject webhook(String url, String... events) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String e : events) names.add(e);
        return Json.createObjectBuilder().add("url", url).add("events", names).add("description", unique("test receiver")).build();
    }

    /** Registers an endpoint; returns the creation's answer (the webhook and its secret). */
    private JsonObject register(Api admin, String url, String... events) {
        return admin.post("api/admin/webhooks", webhook(url, events)).expect(201).json();
    }

    /** Receivers of other tests must not get this test's events: endpoints are deleted at the end. */
    private void unregister(Api admin, JsonObject created) {
        admin.delete("api/admin/webhooks/" + created.getJsonObject("webhook").getString("id")).expect(204);
    }

    /** The HMAC-SHA256 a receiver computes, written here independently of Galley's code. */
    private static String signature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static boolean verifies(String secret, WebhookReceiver.Received request) throws Exception {
        return MessageDigest.isEqual(signature(secret, request.body()).getBytes(StandardCharsets.US_ASCII),
                request.header("X-Galley-Signature-256").getBytes(StandardCharsets.US_ASCII));
    }

    /** The endpoint's deliveries about {@code dataId} (an article, an author or the pinged webhook), newest first. */
    private static List<JsonObject> deliveries(Api admin, String webhookId, String dataId) {
        return admin.get("api/admin/webhooks/" + webhookId + "/deliveries?size=100").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(d -> {
                    JsonObject data = d.getJsonObject("payload").getJsonObject("data");
                    return dataId.equals(data.getString("id", data.getString("webhookId", null)));
                }).toList();
    }

    /** Waits until the endpoint's deliveries about {@code dataId} satisfy {@code done}; returns them. */
    private static List<JsonObject> awaitDeliveries(Api admin, String webhookId, String dataId, Predicate<List<JsonObject>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<JsonObject> now = deliveries(admin, webhookId, dataId);
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = deliveries(admin, webhookId, dataId);
        }
        return now;
    }

    private static Predicate<List<JsonObject>> allIn(String status, int count) {
        return list -> list.size() >= count && list.stream().allMatch(d -> d.getString("status").equals(status));
    }

    private static List<Integer> statusCodes(JsonObject delivery) {
        return delivery.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.containsKey("statusCode") ? a.getInt("statusCode") : -1).toList();
    }

    @Test
    default void contentChangesAreDeliveredSignedAndLogged() throws Exception {
        Api admin = api().admin();
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            JsonObject created = register(admin, receiver.url("/hooks/galley"),
                    "article.published", "article.updated", "article.unpublished", "article.deleted", "author.updated");
            String secret = created.getString("secret");
            String webhookId = created.getJsonObject("webhook").getString("id");
            assertTrue(secret.length() >= 32, secret);
            assertFalse(admin.get("api/admin/webhooks/" + webhookId).expect(200).body().contains(secret), "the secret is shown once");
            assertFalse(admin.get("api/admin/webhooks").expect(200).body().contains(secret), "the secret is shown once");
            try {
                UUID author = createAuthor(admin, unique("Hooked Author"));
                JsonObject article = createArticle(admin, Content.article("en", unique("Hooked"), author));
                String id = article.getString("id");
                // Edits of a draft are no event; then the published article's whole life.
                admin.put("api/admin/articles/" + id, Content.article("en", unique("Hooked Draft Edit"), author).build(),
                        ifMatch(admin, "articles", id)).expect(200);
                publish(admin, id);
                admin.put("api/admin/articles/" + id, Content.article("en", unique("Hooked Edited"), author).build(),
                        ifMatch(admin, "articles", id)).expect(200);
                admin.post("api/admin/articles/" + id + "/unpublish", null).expect(200);
                admin.put("api/admin/articles/" + id, Content.article("en", unique("Hooked Unpublished Edit"), author).build(),
                        ifMatch(admin, "articles", id)).expect(200);
                JsonObject republished = publish(admin, id);
                admin.delete("api/admin/articles/" + id, ifMatch(admin, "articles", id)).expect(204);
                admin.put("api/admin/authors/" + author, Content.author(unique("Hooked Author Renamed")).build(),
                        ifMatch(admin, "authors", author)).expect(200);

                List<WebhookReceiver.Received> all = receiver.await(r -> r.stream().filter(x -> id.equals(x.dataId())).count() >= 5
                        && r.stream().anyMatch(x -> author.toString().equals(x.dataId())), PATIENCE);
                List<WebhookReceiver.Received> forArticle = all.stream().filter(r -> id.equals(r.dataId()))
                        .sorted(Comparator.comparing(r -> Instant.parse(r.json().getString("occurredAt")))).toList();
                assertEquals(List.of("article.published", "article.updated", "article.unpublished", "article.published", "article.deleted"),
                        WebhookReceiver.types(forArticle));
                List<WebhookReceiver.Received> forAuthor = all.stream().filter(r -> author.toString().equals(r.dataId())).toList();
                assertEquals(List.of("author.updated"), WebhookReceiver.types(forAuthor), "creating an author is no event");

                // The payload: small and as documented.
                JsonObject published = forArticle.get(3).json();
                JsonObject data = published.getJsonObject("data");
                assertEquals(republished.getString("slug"), data.getString("slug"));
                assertEquals("en", data.getString("lang"));
                assertEquals("PUBLISHED", data.getString("status"));
                assertEquals(republished.getJsonNumber("version").longValue(), data.getJsonNumber("version").longValue());
                assertEquals("/api/articles/" + republished.getString("slug") + "?lang=en", data.getString("apiPath"));
                assertNotNull(UUID.fromString(published.getString("id")));
                assertNotNull(Instant.parse(published.getString("occurredAt")));
                assertEquals("DRAFT", forArticle.get(2).json().getJsonObject("data").getString("status"));
                JsonObject authorData = forAuthor.get(0).json().getJsonObject("data");
                assertTrue(authorData.getString("name").startsWith("Hooked Author Renamed"), authorData.toString());

                for (WebhookReceiver.Received request : all) {
                    assertEquals("/hooks/galley", request.path());
                    assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
                    assertTrue(request.header("User-Agent").startsWith("Galley-Webhooks/"), request.header("User-Agent"));
                    assertEquals(request.type(), request.header("X-Galley-Event"));
                    assertNotNull(UUID.fromString(request.header("X-Galley-Delivery")));
                    assertTrue(verifies(secret, request), "the signature verifies with the secret from the creation");
                    assertFalse(verifies(secret.substring(1) + "x", request), "and not with another");
                }

                // The delivery log: every one delivered on its first attempt, with the receiver's status.
                Set<String> sent = all.stream().map(r -> r.header("X-Galley-Delivery")).collect(Collectors.toSet());
                List<JsonObject> log = new java.util.ArrayList<>(awaitDeliveries(admin, webhookId, id, allIn("DELIVERED", 5)));
                log.addAll(awaitDeliveries(admin, webhookId, author.toString(), allIn("DELIVERED", 1)));
                assertEquals(6, log.size(), log.toString());
                assertEquals(sent, log.stream().map(d -> d.getString("id")).collect(Collectors.toSet()), log.toString());
                for (JsonObject d : log) {
                    assertEquals("DELIVERED", d.getString("status"), d.toString());
                    assertEquals(List.of(204), statusCodes(d), d.toString());
                    assertEquals(1, d.getInt("attemptCount"));
                    assertEquals(d.getString("event"), d.getJsonObject("payload").getString("type"));
                }
            } finally {
                unregister(admin, created);
            }
        }
    }

    @Test
    default void aFailingReceiverIsRetriedWithBackoffUntilItAnswers2xx() throws Exception {
        Api admin = api().admin();
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> n <= 2 ? 500 : 200)) {
            JsonObject created = register(admin, receiver.url("/flaky"), "article.published");
            String webhookId = created.getJsonObject("webhook").getString("id");
            try {
                UUID author = createAuthor(admin, unique("Flaky Author"));
                String id = createArticle(admin, Content.article("en", unique("Flaky"), author)).getString("id");
                publish(admin, id);

                JsonObject delivery = awaitDeliveries(admin, webhookId, id, allIn("DELIVERED", 1)).get(0);
                assertEquals("DELIVERED", delivery.getString("status"), delivery.toString());
                assertEquals(3, delivery.getInt("attemptCount"));
                assertEquals(List.of(500, 500, 200), statusCodes(delivery));
                assertEquals(200, delivery.getInt("lastStatusCode"));
                assertNotNull(delivery.getString("finishedAt"));
                // Backed off: at least the first retry's wait, then twice that.
                List<Instant> starts = delivery.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                        .map(a -> Instant.parse(a.getString("startedAt"))).toList();
                assertTrue(Duration.between(starts.get(0), starts.get(1)).compareTo(FIRST_RETRY) >= 0, starts.toString());
                assertTrue(Duration.between(starts.get(1), starts.get(2)).compareTo(FIRST_RETRY.multipliedBy(2)) >= 0, starts.toString());

                // Three requests, one delivery: the same id, body and signature each time.
                List<WebhookReceiver.Received> requests = receiver.received(r -> id.equals(r.dataId()));
                assertEquals(3, requests.size());
                assertEquals(1, requests.stream().map(r -> r.header("X-Galley-Delivery")).distinct().count());
                assertEquals(1, requests.stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).distinct().count());
                assertEquals(delivery.getString("id"), requests.get(0).header("X-Galley-Delivery"));
                assertTrue(verifies(created.getString("secret"), requests.get(2)));
            } finally {
                unregister(admin, created);
            }
        }
    }

    @Test
    default void aReceiverThatNeverSucceedsEndsFailedAfterTheLastAttemptAndRedirectsAreNotFollowed() throws Exception {
        Api admin = api().admin();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (WebhookReceiver redirecting = WebhookReceiver.answering(302)) {
            JsonObject toRedirect = register(admin, redirecting.url("/moved"), "article.published");
            JsonObject toNowhere = register(admin, "http://127.0.0.1:" + closedPort + "/nobody-listens", "article.published");
            try {
                UUID author = createAuthor(admin, unique("Unlucky Author"));
                String id = createArticle(admin, Content.article("en", unique("Unlucky"), author)).getString("id");
                publish(admin, id);

                JsonObject redirected = awaitDeliveries(admin, toRedirect.getJsonObject("webhook").getString("id"), id, allIn("FAILED", 1)).get(0);
                assertEquals("FAILED", redirected.getString("status"), redirected.toString());
                assertEquals(MAX_ATTEMPTS, redirected.getInt("attemptCount"));
                assertEquals(List.of(302, 302, 302, 302), statusCodes(redirected));
                assertFalse(redirected.containsKey("nextAttemptAt"));
                assertEquals(List.of("/moved"), redirecting.received().stream().map(WebhookReceiver.Received::path).distinct().toList(),
                        "the redirect is not followed");
                assertEquals(MAX_ATTEMPTS, redirecting.received(r -> id.equals(r.dataId())).size());

                JsonObject refused = awaitDeliveries(admin, toNowhere.getJsonObject("webhook").getString("id"), id, allIn("FAILED", 1)).get(0);
                assertEquals("FAILED", refused.getString("status"), refused.toString());
                assertEquals(MAX_ATTEMPTS, refused.getInt("attemptCount"));
                for (JsonObject attempt : refused.getJsonArray("attempts").getValuesAs(JsonObject.class)) {
                    assertFalse(attempt.containsKey("statusCode"), attempt.toString());
                    assertFalse(attempt.getString("error").isBlank(), attempt.toString());
                }
                assertNotNull(refused.getString("lastError"));

                // Failed deliveries stay in the log and can be sent again.
                JsonObject again = admin.post("api/admin/webhooks/" + toRedirect.getJsonObject("webhook").getString("id") + "/deliveries/"
                        + redirected.getString("id") + "/redeliver", null).expect(202).json();
                assertNotEquals(redirected.getString("id"), again.getString("id"));
                assertEquals(redirected.getString("eventId"), again.getString("eventId"));
                assertEquals("PENDING", again.getString("status"));
                assertEquals(redirected.getJsonObject("payload"), again.getJsonObject("payload"));
            } finally {
                unregister(admin, toRedirect);
                unregister(admin, toNowhere);
            }
        }
    }

    @Test
    default void theEditorsRequestIsAnsweredWhileTheReceiverIsStillBlocked() throws Exception {
        Api admin = api().admin();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200).gated()) {
            JsonObject created = register(admin, receiver.url("/slow"), "article.published");
            String webhookId = created.getJsonObject("webhook").getString("id");
            try {
                UUID author = createAuthor(admin, unique("Patient Author"));
                String id = createArticle(admin, Content.article("en", unique("Patient"), author)).getString("id");
                // The receiver holds every request until the gate opens, which happens only after this answer.
                assertEquals("PUBLISHED", publish(admin, id).getString("status"));
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (receiver.entered() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
                assertEquals(1, receiver.entered(), "the delivery reached the receiver, which has not answered yet");
                assertEquals("PENDING", deliveries(admin, webhookId, id).get(0).getString("status"));
                receiver.open();
                JsonObject delivered = awaitDeliveries(admin, webhookId, id, allIn("DELIVERED", 1)).get(0);
                assertEquals(List.of(200), statusCodes(delivered));
            } finally {
                receiver.open();
                unregister(admin, created);
            }
        }
    }

    @Test
    default void pingTestsAnEndpointAndSettingsChangeWithoutShowingTheSecret() throws Exception {
        Api admin = api().admin();
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String mySecret = "my-own-secret-" + UUID.randomUUID();
            JsonObject created = admin.post("api/admin/webhooks", Json.createObjectBuilder(webhook(receiver.url("/ping"), "author.updated"))
                    .add("secret", mySecret).build()).expect(201).json();
            assertEquals(mySecret, created.getString("secret"));
            String webhookId = created.getJsonObject("webhook").getString("id");
            try {
                JsonObject queued = admin.post("api/admin/webhooks/" + webhookId + "/ping", null).expect(202).json();
                assertEquals("ping", queued.getString("event"));
                List<WebhookReceiver.Received> pings = receiver.await(r -> !r.isEmpty(), PATIENCE);
                assertEquals(1, pings.size());
                assertEquals("ping", pings.get(0).type());
                assertEquals(webhookId, pings.get(0).json().getJsonObject("data").getString("webhookId"));
                assertTrue(verifies(mySecret, pings.get(0)));

                // New settings; a new secret signs from then on, and is never shown.
                String rotated = "rotated-secret-" + UUID.randomUUID();
                JsonObject changed = admin.put("api/admin/webhooks/" + webhookId, Json.createObjectBuilder()
                        .add("url", receiver.url("/ping2")).add("events", Json.createArrayBuilder().add("author.updated").add("article.deleted"))
                        .add("secret", rotated).build()).expect(200).json();
                assertEquals(List.of("article.deleted", "author.updated"), changed.getJsonArray("events").getValuesAs(
                        jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
                assertFalse(changed.toString().contains(rotated));
                assertTrue(changed.getBoolean("active"));
                admin.post("api/admin/webhooks/" + webhookId + "/ping", null).expect(202);
                List<WebhookReceiver.Received> second = receiver.await(r -> r.size() >= 2, PATIENCE);
                assertEquals("/ping2", second.get(1).path());
                assertTrue(verifies(rotated, second.get(1)));
                assertFalse(verifies(mySecret, second.get(1)));

                // An inactive endpoint receives nothing: no ping, no events.
                admin.put("api/admin/webhooks/" + webhookId, Json.createObjectBuilder(webhook(receiver.url("/ping2"), "author.updated"))
                        .add("active", false).build()).expect(200);
                assertEquals(409, admin.post("api/admin/webhooks/" + webhookId + "/ping", null).status());
                UUID author = createAuthor(admin, unique("Unheard Author"));
                admin.put("api/admin/authors/" + author, Content.author(unique("Unheard Renamed")).build(), ifMatch(admin, "authors", author))
                        .expect(200);
                assertEquals(List.of(), deliveries(admin, webhookId, author.toString()), "no delivery recorded for an inactive endpoint");
                assertEquals(2, deliveries(admin, webhookId, webhookId).size(), "the two pings");
            } finally {
                unregister(admin, created);
            }
        }
        assertEquals(404, api().admin().get("api/admin/webhooks/" + UUID.randomUUID()).status());
    }

    @Test
    default void onlyAdminsManageWebhooksAndBadInputIsAProblem() {
        Api admin = api().admin();
        String editorName = unique("hook-editor");
        admin.post("api/admin/users", Json.createObjectBuilder().add("username", editorName).add("password", "hook-editor-password")
                .add("roles", Json.createArrayBuilder().add("editor")).build()).expect(201);
        Api editor = api().as(editorName, "hook-editor-password");
        String token = admin.post("api/admin/tokens", Json.createObjectBuilder().add("name", unique("hook token")).add("scope", "write-content")
                .build()).expect(201).json().getString("secret");
        JsonObject valid = webhook("https://hooks.example.org/galley", "article.published");
        for (Api caller : List.of(editor, api().withToken(token))) {
            assertEquals(403, caller.get("api/admin/webhooks").status());
            Api.Reply refused = caller.post("api/admin/webhooks", valid);
            assertEquals(403, refused.status());
            assertEquals("application/problem+json", refused.contentType());
        }
        assertEquals(401, api().post("api/admin/webhooks", valid).status());

        record Bad(String body, int status, String field) {
        }
        for (Bad bad : List.of(
                new Bad(webhook("ftp://hooks.example.org/", "article.published").toString(), 422, "url"),
                new Bad(webhook("javascript:alert(1)", "article.published").toString(), 422, "url"),
                new Bad(webhook("not a url", "article.published").toString(), 422, "url"),
                new Bad(webhook("https://", "article.published").toString(), 422, "url"),
                new Bad(webhook("https://hooks.example.org/#frag", "article.published").toString(), 422, "url"),
                new Bad(webhook("https://hooks.example.org/", "article.created").toString(), 422, "events"),
                new Bad(webhook("https://hooks.example.org/", "ping").toString(), 422, "events"),
                new Bad(webhook("https://hooks.example.org/").toString(), 422, "events"),
                new Bad(webhook("https://hooks.example.org/", "article.updated", "article.updated").toString(), 422, "events"),
                new Bad(Json.createObjectBuilder(valid).add("secret", "too-short").build().toString(), 422, "secret"),
                new Bad(Json.createObjectBuilder(valid).add("events", Json.createArrayBuilder().add(1)).build().toString(), 400, "events"),
                new Bad(Json.createObjectBuilder(valid).add("active", "yes").build().toString(), 400, "active"),
                new Bad(Json.createObjectBuilder(valid).add("isAdmin", JsonValue.TRUE).build().toString(), 400, "isAdmin"),
                new Bad("{\"url\": ", 400, null))) {
            Api.Reply reply = admin.send("POST", "api/admin/webhooks", bad.body(), "application/json");
            assertEquals(bad.status(), reply.status(), bad + " " + reply.body());
            assertEquals("application/problem+json", reply.contentType(), bad.toString());
            assertEquals(bad.status(), reply.json().getInt("status"));
            if (bad.field() != null) {
                assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .anyMatch(e -> e.getString("field").startsWith(bad.field())), bad + " " + reply.body());
            }
        }
        assertEquals(400, admin.get("api/admin/webhooks/" + UUID.randomUUID() + "/deliveries?status=lost").status());

        // Admin changes are audited like every admin action.
        JsonObject created = admin.post("api/admin/webhooks", valid).expect(201).json();
        String id = created.getJsonObject("webhook").getString("id");
        admin.delete("api/admin/webhooks/" + id).expect(204);
        assertEquals(404, admin.get("api/admin/webhooks/" + id).status());
        List<String> actions = admin.get("api/admin/audit?size=100").expect(200).json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(e -> id.equals(e.getString("target", null))).map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("createWebhook", "deleteWebhook")), actions.toString());
    }
}

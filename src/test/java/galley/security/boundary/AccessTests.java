package galley.security.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.ifMatch;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sign-in tokens, API tokens, throttling, the author role's limits and the audit log, over real HTTP. */
public interface AccessTests extends GalleyTests {

    private Api user(String role, String name, String password) {
        api().admin().post("api/admin/users", Json.createObjectBuilder().add("username", name).add("password", password)
                .add("roles", Json.createArrayBuilder().add(role)).build()).expect(201);
        return api().as(name, password);
    }

    private static JsonObject part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    default void signInIssuesAShortLivedMicroProfileJwtThatTheAdminApiAccepts() {
        Api.Reply reply = api().signIn(TestConfig.ADMIN_USER, TestConfig.adminPassword()).expect(200);
        assertTrue(reply.header("Cache-Control").startsWith("no-store"), reply.header("Cache-Control"));
        JsonObject token = reply.json();
        assertEquals("Bearer", token.getString("token_type"));
        long expiresIn = token.getJsonNumber("expires_in").longValue();
        assertTrue(expiresIn > 0 && expiresIn <= 3600, "short-lived: " + expiresIn);
        String jwt = token.getString("access_token");
        assertEquals("RS256", part(jwt, 0).getString("alg"));
        JsonObject claims = part(jwt, 1);
        assertEquals(TestConfig.ADMIN_USER, claims.getString("upn"));
        assertEquals("galley", claims.getString("iss"));
        assertTrue(claims.getJsonArray("groups").toString().contains("\"admin\""));
        assertEquals(expiresIn, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        assertNotNull(claims.getString("jti"));
        assertNotNull(claims.getString("sub"));

        api().withToken(jwt).get("api/admin/articles?size=1").expect(200);
        // A changed signature, and a token whose claims were changed, are refused.
        String[] parts = jwt.split("\\.");
        String flipped = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        assertEquals(401, api().withToken(parts[0] + "." + parts[1] + "." + flipped).get("api/admin/articles?size=1").status());
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString()
                .replace("\"upn\":\"" + TestConfig.ADMIN_USER + "\"", "\"upn\":\"someone-else\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, api().withToken(parts[0] + "." + forged + "." + parts[2]).get("api/admin/articles?size=1").status());
        // A sign-in without a password is an input error naming it, not a failed sign-in.
        assertEquals(422, api().post("api/auth/token", Json.createObjectBuilder().add("username", "x").build()).status());
    }

    @Test
    default void apiTokensAreShownOnceScopedRecordedAndRevocable() {
        Api admin = api().admin();
        String name = unique("site build");
        JsonObject created = admin.post("api/admin/tokens", Json.createObjectBuilder().add("name", name).add("scope", "read-drafts").build())
                .expect(201).json();
        String secret = created.getString("secret");
        String id = created.getJsonObject("token").getString("id");
        assertTrue(secret.startsWith("galley_") && secret.length() >= 40, secret);
        assertTrue(secret.startsWith(created.getJsonObject("token").getString("prefix")));
        JsonObject listed = admin.get("api/admin/tokens").expect(200).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("id").equals(id)).findFirst().orElseThrow();
        assertFalse(listed.toString().contains(secret), "the secret is never shown again");
        assertFalse(listed.containsKey("lastUsedAt"));

        Api reader = api().withToken(secret);
        reader.get("api/admin/articles?size=1").expect(200);
        assertEquals(403, reader.post("api/admin/articles", Content.article("en", unique("Token Draft")).build()).status());
        assertEquals(403, reader.get("api/admin/users").status());
        assertNotNull(admin.get("api/admin/tokens/" + id).expect(200).json().getString("lastUsedAt"), "its use is recorded");

        admin.delete("api/admin/tokens/" + id).expect(204);
        assertEquals(401, reader.get("api/admin/articles?size=1").status());
        JsonObject revoked = admin.get("api/admin/tokens/" + id).expect(200).json();
        assertNotNull(revoked.getString("revokedAt"));
        assertFalse(revoked.getBoolean("active"));

        // A write-content token creates content, and the article says who made it.
        String writer = admin.post("api/admin/tokens", Json.createObjectBuilder().add("name", name + " writer").add("scope", "write-content")
                .add("expiresAt", Instant.now().plusSeconds(3600).toString()).build()).expect(201).json().getString("secret");
        api().withToken(writer).post("api/admin/articles", Content.article("en", unique("Token Draft")).build()).expect(201);
        assertEquals(403, api().withToken(writer).get("api/admin/tokens").status());
        assertEquals(422, admin.post("api/admin/tokens", Json.createObjectBuilder().add("name", "past").add("scope", "write-content")
                .add("expiresAt", "2020-01-01T00:00:00Z").build()).status());
        assertEquals(422, admin.post("api/admin/tokens", Json.createObjectBuilder().add("name", "root").add("scope", "everything").build()).status());
    }

    @Test
    default void failedSignInsAreThrottledPerAccountAndPerAddress() {
        String name = unique("throttled");
        String password = "throttled-password-" + UUID.randomUUID();
        user("editor", name, password);
        // Per account: five wrong passwords from five addresses, then even the right one must wait.
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api().signIn(name, "wrong-password-" + i, "X-Forwarded-For", "198.51.100." + (10 + i)).status());
        }
        Api.Reply throttled = api().signIn(name, password, "X-Forwarded-For", "198.51.100.20");
        assertEquals(429, throttled.status(), throttled.body());
        assertEquals("application/problem+json", throttled.contentType());
        assertTrue(Long.parseLong(throttled.header("Retry-After")) >= 1);

        // Per address: twenty failures on other accounts from one address stop a sign-in from there, not elsewhere.
        String other = unique("bystander");
        String otherPassword = "bystander-password-" + UUID.randomUUID();
        user("editor", other, otherPassword);
        for (int i = 0; i < 20; i++) {
            assertEquals(401, api().signIn(unique("guess"), "guess", "X-Forwarded-For", "203.0.113.99").status());
        }
        assertEquals(429, api().signIn(other, otherPassword, "X-Forwarded-For", "203.0.113.99").status());
        api().signIn(other, otherPassword, "X-Forwarded-For", "203.0.113.100").expect(200);
    }

    @Test
    default void authorsWriteAndSubmitTheirOwnDraftsOnly() {
        Api admin = api().admin();
        String authorName = unique("writer");
        Api author = user("author", authorName, "writer-password-" + UUID.randomUUID());
        UUID byline = createAuthor(admin, unique("Byline"));
        JsonObject own = createArticle(author, Content.article("en", unique("My Draft"), byline));
        JsonObject others = createArticle(admin, Content.article("en", unique("Not Theirs"), byline));
        String ownId = own.getString("id");

        author.put("api/admin/articles/" + ownId, Content.article("en", unique("My Draft Edited"), byline).build(),
                ifMatch(author, "articles", ownId)).expect(200);
        List<String> listed = author.get("api/admin/articles?size=100").expect(200).json().getJsonArray("items").stream()
                .map(a -> a.asJsonObject().getString("id")).toList();
        assertTrue(listed.contains(ownId));
        assertFalse(listed.contains(others.getString("id")), "authors list their own articles only");
        assertEquals(403, author.get("api/admin/articles/" + others.getString("id")).status());
        assertEquals(403, author.put("api/admin/articles/" + others.getString("id"), Content.article("en", "Taken Over", byline).build(),
                "If-Match", "\"0\"").status());
        assertEquals(403, author.post("api/admin/articles/" + ownId + "/publish", null).status());
        assertEquals(403, author.delete("api/admin/articles/" + ownId, ifMatch(author, "articles", ownId)).status());
        assertEquals(403, author.post("api/admin/authors", Content.author(unique("Self Made")).build()).status());

        assertEquals("IN_REVIEW", author.post("api/admin/articles/" + ownId + "/submit", null).expect(200).json().getString("status"));
        assertEquals(409, author.put("api/admin/articles/" + ownId, Content.article("en", unique("Too Late"), byline).build(),
                ifMatch(author, "articles", ownId)).status(), "a submitted article is the editors' now");
        assertEquals("PUBLISHED", admin.post("api/admin/articles/" + ownId + "/publish", null).expect(200).json().getString("status"));
    }

    @Test
    default void theAuditLogRecordsAdminActionsAndSignInsForAdminsOnly() {
        Api admin = api().admin();
        JsonObject article = createArticle(admin, Content.article("en", unique("Audited")));
        String id = article.getString("id");
        api().signIn(unique("intruder"), "wrong", "X-Forwarded-For", "192.0.2.45");
        JsonObject entry = admin.get("api/admin/audit?actor=" + TestConfig.ADMIN_USER + "&size=50").expect(200).json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).filter(e -> id.equals(e.getString("target", null))).findFirst().orElseThrow();
        assertEquals("adminCreateArticle", entry.getString("action"));
        assertEquals("POST", entry.getString("method"));
        assertEquals(201, entry.getInt("status"));
        assertNotNull(entry.getString("clientAddress"));
        assertNotNull(entry.getString("requestId"));
        assertNotNull(entry.getString("occurredAt"));
        JsonObject failed = admin.get("api/admin/audit?size=100").expect(200).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(e -> "192.0.2.45".equals(e.getString("clientAddress", null))).findFirst().orElseThrow();
        assertEquals("signIn", failed.getString("action"));
        assertEquals(401, failed.getInt("status"));
        Api editor = user("editor", unique("auditor"), "auditor-password-" + UUID.randomUUID());
        assertEquals(403, editor.get("api/admin/audit").status());
        assertEquals(400, admin.get("api/admin/audit?actor=%00").status(), "found by the bad-input suite: a 500 on PostgreSQL");
        assertNotEquals(0, admin.get("api/admin/audit").expect(200).json().getJsonNumber("total").longValue());
    }
}

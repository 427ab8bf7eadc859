package galley;

import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every part of the API shares: who may call the admin API (walked over the OpenAPI document, so a
 * new operation cannot slip through), error answers everywhere, request ids, health and the API document.
 */
public interface PlatformTests extends GalleyTests {

    /** An admin operation and who may call it, as the document says. */
    record Operation(String method, String path, Set<String> roles, Set<String> scopes) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).substring(1);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Operation> adminOperations() {
        JsonObject paths = api().get("openapi?format=JSON", "Accept", "application/json").expect(200).json().getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/admin")) return;
            item.asJsonObject().forEach((m, op) -> {
                if (!Set.of("get", "put", "post", "delete", "patch").contains(m)) return;
                JsonObject o = op.asJsonObject();
                assertTrue(o.containsKey("x-galley-roles"), "who may call " + m + " " + path);
                // An empty list of scopes is left out of the document.
                operations.add(new Operation(m.toUpperCase(), path, strings(o.getJsonArray("x-galley-roles")),
                        o.containsKey("x-galley-token-scopes") ? strings(o.getJsonArray("x-galley-token-scopes")) : Set.of()));
            });
        });
        return operations;
    }

    private static Set<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).collect(Collectors.toSet());
    }

    private static Api.Reply call(Api api, Operation op) {
        boolean withBody = op.method().equals("POST") || op.method().equals("PUT") || op.method().equals("PATCH");
        String type = op.method().equals("PATCH") ? "application/merge-patch+json" : "application/json";
        return api.send(op.method(), op.concretePath(), withBody ? "{}" : null, withBody ? type : null);
    }

    /** A user with these roles, signed in. */
    private Api signedInUser(Api admin, String... roles) {
        String name = unique(roles[0] + "-user");
        String password = roles[0] + "-password-" + UUID.randomUUID();
        var roleArray = Json.createArrayBuilder();
        for (String role : roles) roleArray.add(role);
        admin.post("api/admin/users", Json.createObjectBuilder().add("username", name).add("password", password)
                .add("roles", roleArray).build()).expect(201);
        return api().as(name, password);
    }

    /** An API token with this scope. */
    private Api tokenHolder(Api admin, String scope) {
        String secret = admin.post("api/admin/tokens", Json.createObjectBuilder().add("name", unique("walk " + scope))
                .add("scope", scope).build()).expect(201).json().getString("secret");
        return api().withToken(secret);
    }

    @Test
    default void everyAdminOperationRefusesAnonymousCallersAndRolesWithoutTheRight() {
        Api admin = api().admin();
        Map<String, Api> users = new LinkedHashMap<>();
        users.put("admin", admin);
        users.put("editor", signedInUser(admin, "editor"));
        users.put("author", signedInUser(admin, "author"));
        Map<String, Api> tokens = new LinkedHashMap<>();
        tokens.put("read-drafts", tokenHolder(admin, "read-drafts"));
        tokens.put("write-content", tokenHolder(admin, "write-content"));

        List<Operation> operations = adminOperations();
        assertTrue(operations.size() >= 40, "admin operations found in /openapi: " + operations);
        int refused = 0;
        int admitted = 0;
        for (Operation op : operations) {
            Api.Reply anonymous = call(api(), op);
            assertEquals(401, anonymous.status(), op + " " + anonymous.body());
            assertEquals("application/problem+json", anonymous.contentType());
            assertNotNull(anonymous.header("WWW-Authenticate"), op.toString());
            Map<String, Boolean> callers = new LinkedHashMap<>();
            users.keySet().forEach(role -> callers.put(role, op.roles().contains(role)));
            tokens.keySet().forEach(scope -> callers.put(scope, op.scopes().contains(scope)));
            for (Map.Entry<String, Boolean> caller : callers.entrySet()) {
                Api as = users.containsKey(caller.getKey()) ? users.get(caller.getKey()) : tokens.get(caller.getKey());
                Api.Reply reply = call(as, op);
                if (caller.getValue()) {
                    assertFalse(reply.status() == 401 || reply.status() == 403, caller.getKey() + " admitted to " + op + ": " + reply.body());
                    assertTrue(reply.status() < 500, caller.getKey() + ": " + op + " " + reply.body());
                    admitted++;
                } else {
                    assertEquals(403, reply.status(), caller.getKey() + " refused " + op + ": " + reply.body());
                    assertEquals("application/problem+json", reply.contentType());
                    refused++;
                }
            }
        }
        assertTrue(operations.stream().anyMatch(op -> !op.roles().contains("author")), "some operations are not for authors");
        assertTrue(operations.stream().anyMatch(op -> op.roles().equals(Set.of("admin")) && op.scopes().isEmpty()), "admin-only operations");
        System.out.printf("Admin operations walked from /openapi: %d; anonymous 401 on each; %d calls by roles and scopes without "
                + "the right refused 403, %d by those with it admitted%n", operations.size(), refused, admitted);
    }

    @Test
    default void wrongCredentialsAreRefusedEverywhere() {
        // From an address of its own (the test run trusts the loopback proxy), so no other test is throttled.
        String[] from = {"X-Forwarded-For", "198.51.100.77"};
        Api.Reply wrong = api().signIn(TestAdmin.USER + "-nobody", "not-the-password", from);
        assertEquals(401, wrong.status());
        assertEquals("application/problem+json", wrong.contentType());
        assertTrue(wrong.header("WWW-Authenticate").startsWith("Bearer"));
        for (String authorization : List.of("Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()), "Bearer !!!",
                "Bearer galley_no-such-token", "Digest x", "Bearer eyJhbGciOiJub25lIn0.eyJ1cG4iOiJpdC1hZG1pbiIsImdyb3VwcyI6WyJhZG1pbiJdfQ.")) {
            Api.Reply reply = api().send("GET", "api/admin/articles", null, null, "Authorization", authorization);
            assertEquals(401, reply.status(), authorization);
            assertEquals("application/problem+json", reply.contentType());
        }
    }

    @Test
    default void adminsManageUsers() {
        Api admin = api().admin();
        String name = unique("someone");
        JsonObject created = admin.post("api/admin/users", Json.createObjectBuilder().add("username", name)
                .add("password", "a-long-enough-password").add("displayName", "Someone")
                .add("roles", Json.createArrayBuilder().add("editor")).build()).expect(201).json();
        assertEquals(List.of("editor"), created.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertFalse(created.containsKey("password") || created.containsKey("passwordHash"));
        assertTrue(admin.get("api/admin/users").expect(200).json().getJsonArray("items").stream().anyMatch(u -> u.asJsonObject().getString("username").equals(name)));
        admin.post("api/admin/users", Json.createObjectBuilder().add("username", name).add("password", "a-long-enough-password")
                .add("roles", Json.createArrayBuilder().add("editor")).build()).expect(409);
        Set<String> fields = admin.post("api/admin/users", Json.createObjectBuilder().add("username", "has space").add("password", "short")
                .add("roles", Json.createArrayBuilder().add("root")).build()).expect(422).json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("username", "password")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("roles")), fields.toString());

        Api signedIn = api().as(name, "a-long-enough-password");
        signedIn.get("api/admin/articles?size=1").expect(200);
        admin.delete("api/admin/users/" + created.getString("id")).expect(204);
        // The token issued before is refused at once, not when it expires; and no new one is issued.
        assertEquals(401, signedIn.get("api/admin/articles?size=1").status());
        assertEquals(401, api().signIn(name, "a-long-enough-password", "X-Forwarded-For", "198.51.100.78").status());
    }

    @Test
    default void everyErrorIsAProblemWithARequestId() {
        record Case(String method, String path, String contentType, String accept, int status) {
        }
        List<Case> cases = List.of(
                new Case("GET", "no/such/page", null, null, 404),
                new Case("GET", "api/no-such-resource", null, null, 404),
                new Case("DELETE", "api/articles", null, null, 405),
                new Case("GET", "api/articles", null, "text/html", 406),
                new Case("POST", "api/admin/tags", "text/plain", null, 415));
        for (Case c : cases) {
            Api.Reply reply = api().admin().send(c.method(), c.path(), c.contentType() == null ? null : "x", c.contentType(),
                    c.accept() == null ? new String[] {"X-Request-Id", "trace-" + c.status() + "-abcdef"} : new String[] {"Accept", c.accept(), "X-Request-Id", "trace-" + c.status() + "-abcdef"});
            assertEquals(c.status(), reply.status(), c + " " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), c + " " + reply.contentType());
            JsonObject problem = reply.json();
            assertEquals(c.status(), problem.getInt("status"));
            assertEquals("trace-" + c.status() + "-abcdef", problem.getString("requestId"), "the caller's request id is kept");
            assertEquals("trace-" + c.status() + "-abcdef", reply.header("X-Request-Id"));
            assertFalse(reply.body().contains("Exception") || reply.body().contains("at galley."), "no internals: " + reply.body());
        }
        assertTrue(api().send("DELETE", "api/articles", null, null).header("Allow").contains("GET"));
        String generated = api().get("api/articles").header("X-Request-Id");
        assertNotNull(generated);
        assertTrue(generated.length() >= 8);
    }

    @Test
    default void healthEndpointsReportTheDatabase() {
        JsonObject ready = api().get("health/ready").expect(200).json();
        assertEquals("UP", ready.getString("status"));
        JsonObject database = ready.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        try (var migrations = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            assertEquals(String.valueOf(migrations.count()), database.getJsonObject("data").getString("schemaVersion"),
                    "every migration has run");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("UP", api().get("health/live").expect(200).json().getString("status"));
    }

    @Test
    default void theApiDocumentDescribesEveryOperationWithErrorsAndSecurity() {
        String yaml = api().get("openapi").expect(200).body();
        assertTrue(yaml.startsWith("openapi: 3"), yaml.substring(0, 40));
        JsonObject doc = api().get("openapi?format=JSON", "Accept", "application/json").expect(200).json();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : List.of("/api/articles", "/api/articles/{slug}", "/api/authors", "/api/authors/{slug}",
                "/api/authors/{slug}/articles", "/api/tags", "/api/admin/articles", "/api/admin/articles/{id}",
                "/api/admin/articles/{id}/publish", "/api/admin/articles/{id}/unpublish", "/api/admin/articles/{id}/translation-of",
                "/api/admin/authors", "/api/admin/authors/{id}", "/api/admin/tags", "/api/admin/tags/{id}", "/api/admin/users")) {
            assertTrue(paths.containsKey(path), "documented: " + path);
        }
        assertTrue(doc.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearerJwt"));
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("apiToken"));
        Set<String> operationIds = new java.util.HashSet<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) return;
            JsonObject op = value.asJsonObject();
            assertTrue(op.containsKey("summary"), method + " " + path + " has a summary");
            assertTrue(operationIds.add(op.getString("operationId")), "unique operationId " + op.getString("operationId"));
            JsonObject responses = op.getJsonObject("responses");
            assertTrue(responses.containsKey("500"), method + " " + path);
            assertTrue(responses.getJsonObject("500").getJsonObject("content").containsKey("application/problem+json"));
            responses.forEach((code, response) -> {
                if (code.startsWith("4")) {
                    assertTrue(response.asJsonObject().containsKey("content")
                            && response.asJsonObject().getJsonObject("content").containsKey("application/problem+json"),
                            "a problem: " + method + " " + path + " " + code);
                }
            });
            if (path.startsWith("/api/admin")) {
                assertTrue(responses.containsKey("401") && responses.containsKey("403"), method + " " + path);
                assertFalse(op.getJsonArray("security").isEmpty(), method + " " + path);
            }
            if (op.containsKey("requestBody")) {
                assertTrue(responses.containsKey("422"), method + " " + path);
                JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
                assertTrue(content.getJsonObject(content.keySet().iterator().next())
                        .getJsonObject("schema").containsKey("$ref"), "request body schema is a named record: " + method + " " + path);
            }
            List<String> success = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            assertFalse(success.isEmpty(), "a success response: " + method + " " + path);
            for (String code : success) {
                if (code.equals("204")) continue;
                assertTrue(responses.getJsonObject(code).getJsonObject("content").getJsonObject("application/json")
                        .getJsonObject("schema").containsKey("$ref"), "response schema is a named record: " + method + " " + path + " " + code);
            }
        }));
        // Every reference resolves, and no schema in the paths is an inline copy of a record.
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        List<String> problems = new ArrayList<>();
        checkSchemas(paths, "paths", schemas, problems);
        checkSchemas(schemas, "components", schemas, problems);
        assertEquals(List.of(), problems);
    }

    private static void checkSchemas(jakarta.json.JsonValue value, String at, JsonObject schemas, List<String> problems) {
        if (value instanceof JsonObject o) {
            if (o.containsKey("$ref")) {
                String ref = o.getString("$ref");
                if (!schemas.containsKey(ref.substring(ref.lastIndexOf('/') + 1))) problems.add("unresolved " + ref + " at " + at);
            }
            if (at.startsWith("paths") && o.containsKey("properties")) problems.add("inline object schema at " + at);
            if (Integer.valueOf(0).equals(o.containsKey("maxProperties") ? o.getInt("maxProperties") : null)) problems.add("maxProperties 0 at " + at);
            o.forEach((k, v) -> checkSchemas(v, at + "/" + k, schemas, problems));
        } else if (value instanceof jakarta.json.JsonArray a) {
            for (int i = 0; i < a.size(); i++) checkSchemas(a.get(i), at + "/" + i, schemas, problems);
        }
    }

    /** The admin the test run signs in as. */
    static final class TestAdmin {
        static final String USER = galley.testing.TestConfig.ADMIN_USER;
    }
}

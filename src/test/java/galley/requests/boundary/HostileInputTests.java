package galley.requests.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed requests: oversized bodies (declared and chunked), invalid UTF-8, deep nesting,
 * Unicode normalisation, unknown and wrongly typed fields, the container's own refusals, CORS and the
 * security headers of every answer.
 */
public interface HostileInputTests extends GalleyTests {

    int MAX_BODY = 1024 * 1024;
    String FRONT_END = "https://front.example.org";

    @Test
    default void aDeclaredOversizedBodyIsRefusedBeforeItIsRead() {
        String name = unique("oversized-declared");
        // Only the head goes out: the answer must come without the body.
        Raw reply = Raw.exchange(this, "POST", "api/admin/tags", adminHeaders("Content-Length", String.valueOf(MAX_BODY + 1)),
                out -> out.write(("{\"name\":\"" + name + "\"").getBytes(StandardCharsets.UTF_8)));
        assertProblem(reply.status, reply.header("Content-Type"), reply.body, 413);
        assertNotNull(reply.header("X-Request-Id"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertTagAbsent(name);

        Raw importTooLarge = Raw.exchange(this, "POST", "api/admin/articles/import",
                adminHeaders("Content-Length", String.valueOf(40L * 1024 * 1024)), out -> out.write('{'));
        assertEquals(413, importTooLarge.status, importTooLarge.body);
    }

    @Test
    default void aChunkedOversizedBodyIsRefusedWhileItIsReadAndNothingIsWritten() {
        String name = unique("oversized-chunked");
        byte[] head = ("{\"name\":\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
        Raw reply = Raw.exchange(this, "POST", "api/admin/tags", adminHeaders("Transfer-Encoding", "chunked"), out -> {
            chunk(out, head);
            byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int sent = 0; sent <= MAX_BODY + 64 * 1024; sent += spaces.length) chunk(out, spaces);
            chunk(out, "}".getBytes(StandardCharsets.UTF_8));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertProblem(reply.status, reply.header("Content-Type"), reply.body, 413);
        assertTagAbsent(name);

        // The same body, small enough, is accepted as it is: the refusal was the size alone.
        Raw small = Raw.exchange(this, "POST", "api/admin/tags", adminHeaders("Transfer-Encoding", "chunked"), out -> {
            chunk(out, head);
            chunk(out, " ".repeat(1000).getBytes(StandardCharsets.UTF_8));
            chunk(out, "}".getBytes(StandardCharsets.UTF_8));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertEquals(201, small.status, small.body);
    }

    @Test
    default void theImportTakesBodiesLargerThanTheGeneralLimit() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Import Limit Author"));
        String title = unique("Big Import");
        String article = Content.article("en", title, author).build().toString();
        String body = "{\"articles\":[" + article + "]" + " ".repeat(MAX_BODY + 512 * 1024) + "}";
        Api.Reply reply = admin.send("POST", "api/admin/articles/import", body, "application/json");
        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    default void invalidUtf8IsABadRequest() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'C', 'a', 'f', (byte) 0xC3, '(', '"', '}'};
        Api.Reply reply = sendBytes("POST", "api/admin/tags", body, "application/json");
        assertProblem(reply.status(), reply.contentType(), reply.body(), 400);
        assertTrue(reply.json().getString("detail").contains("UTF-8"), reply.body());

        Api.Reply latin1 = sendBytes("POST", "api/admin/tags", "{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
                "application/json; charset=ISO-8859-1");
        assertProblem(latin1.status(), latin1.contentType(), latin1.body(), 415);
    }

    @Test
    default void deeplyNestedJsonIsABadRequest() {
        String deep = "{\"name\":" + "[".repeat(40) + "]".repeat(40) + "}";
        Api.Reply reply = api().admin().send("POST", "api/admin/tags", deep, "application/json");
        assertProblem(reply.status(), reply.contentType(), reply.body(), 400);
        assertTrue(reply.json().getString("detail").contains("nested"), reply.body());

        Api.Reply patch = api().admin().send("PATCH", "api/admin/articles/" + UUID.randomUUID(),
                "{\"title\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}", "application/merge-patch+json", "If-Match", "*");
        assertProblem(patch.status(), patch.contentType(), patch.body(), 400);
    }

    @Test
    default void textSentDecomposedIsStoredComposed() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Nfc Author"));
        String composed = "Café Déjà İstanbul " + unique("nfc");
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertFalse(decomposed.equals(composed));
        JsonObject created = createArticle(admin, Content.article("en", decomposed, author)
                .add("tags", Json.createArrayBuilder().add(Normalizer.normalize("Çay " + unique("tag"), Normalizer.Form.NFD))));
        assertEquals(composed, created.getString("title"));
        assertTrue(Normalizer.isNormalized(created.getJsonArray("tags").getJsonObject(0).getString("name"), Normalizer.Form.NFC),
                created.toString());
        String id = created.getString("id");
        assertEquals(composed, admin.get("api/admin/articles/" + id).expect(200).json().getString("title"));

        // Escaped combining marks and merge patches too.
        String patched = admin.send("PATCH", "api/admin/articles/" + id, "{\"excerpt\":\"Cafe\\u0301 au lait\"}",
                "application/merge-patch+json", "If-Match", "*").expect(200).json().getString("excerpt");
        assertEquals("Café au lait", patched);
    }

    @Test
    default void unknownAndWronglyTypedFieldsAreNamed() {
        Api admin = api().admin();
        Api.Reply unknown = admin.post("api/admin/tags", Json.createObjectBuilder().add("name", unique("t")).add("colour", "red").build());
        assertProblem(unknown.status(), unknown.contentType(), unknown.body(), 400);
        assertEquals("colour", unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"), unknown.body());

        UUID author = createAuthor(admin, unique("Typed Author"));
        Api.Reply wrongType = admin.post("api/admin/articles", Content.article("en", unique("Typed"), author)
                .add("publishedAt", "yesterday").build());
        assertProblem(wrongType.status(), wrongType.contentType(), wrongType.body(), 400);
        assertEquals("publishedAt", wrongType.json().getJsonArray("errors").getJsonObject(0).getString("field"), wrongType.body());

        Api.Reply nested = admin.post("api/admin/articles", Content.article("en", unique("Typed"), author)
                .add("references", Json.createArrayBuilder().add(Json.createObjectBuilder().add("number", "one").add("title", "x"))).build());
        assertProblem(nested.status(), nested.contentType(), nested.body(), 400);
        assertEquals("references[0].number", nested.json().getJsonArray("errors").getJsonObject(0).getString("field"), nested.body());

        String id = createArticle(admin, Content.article("en", unique("Patched"), author)).getString("id");
        Api.Reply patch = admin.send("PATCH", "api/admin/articles/" + id, "{\"subtitle\":\"x\"}", "application/merge-patch+json",
                "If-Match", "*");
        assertProblem(patch.status(), patch.contentType(), patch.body(), 400);
        assertEquals("subtitle", patch.json().getJsonArray("errors").getJsonObject(0).getString("field"), patch.body());

        Api.Reply tooLong = admin.post("api/admin/tags", Json.createObjectBuilder().add("name", "x".repeat(101)).build());
        assertProblem(tooLong.status(), tooLong.contentType(), tooLong.body(), 422);
        assertEquals("name", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    default void theContainersOwnRefusalsAreProblemsWithSecurityHeaders() {
        record Case(String method, String path, String body, String contentType, String accept, int status) {
        }
        List<Case> cases = List.of(
                new Case("GET", "no/such/page", null, null, null, 404),
                new Case("GET", "api/no-such-resource", null, null, null, 404),
                new Case("PUT", "api/articles", "{}", "application/json", null, 405),
                new Case("POST", "api/admin/tags", "<tag/>", "application/xml", null, 415),
                new Case("GET", "api/articles", null, null, "image/png", 406),
                new Case("GET", "api/admin/tags", null, null, "text/html", 406));
        for (Case c : cases) {
            Api.Reply reply = api().admin().send(c.method(), c.path(), c.body(), c.contentType(),
                    c.accept() == null ? new String[0] : new String[] {"Accept", c.accept()});
            assertProblem(reply.status(), reply.contentType(), reply.body(), c.status());
            assertNotNull(reply.header("X-Request-Id"), c.toString());
            assertEquals(reply.header("X-Request-Id"), reply.json().getString("requestId"), c.toString());
            assertSecurityHeaders(reply, c.toString());
        }
    }

    @Test
    default void everyAnswerCarriesTheSecurityHeaders() {
        Api.Reply ok = api().get("api/articles?size=1").expect(200);
        assertSecurityHeaders(ok, "200");
        assertEquals("cross-origin", ok.header("Cross-Origin-Resource-Policy"));
        assertNull(ok.header("Strict-Transport-Security"), "plain HTTP: no HSTS");

        Api.Reply missing = api().get("api/articles/" + unique("no-such-article")).expect(404);
        assertSecurityHeaders(missing, "404");

        Api.Reply errorPage = api().get("nothing/here").expect(404);
        assertSecurityHeaders(errorPage, "container error page");

        Api.Reply admin = api().admin().get("api/admin/tags").expect(200);
        assertSecurityHeaders(admin, "admin 200");
        assertEquals("same-site", admin.header("Cross-Origin-Resource-Policy"));
        assertEquals("no-store", admin.header("Cache-Control"));

        Api.Reply anonymous = api().get("api/admin/tags").expect(401);
        assertSecurityHeaders(anonymous, "admin 401");
        assertEquals("no-store", anonymous.header("Cache-Control"));

        Api.Reply wrongPassword = api().as(TestConfig.ADMIN_USER, "not-the-password").get("api/admin/tags").expect(401);
        assertSecurityHeaders(wrongPassword, "authentication failure");
    }

    @Test
    default void thePublicApiIsOpenToOtherOriginsForReading() {
        Api.Reply preflight = api().send("OPTIONS", "api/articles", null, null, "Origin", FRONT_END,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "accept-language, if-none-match");
        assertEquals(204, preflight.status(), preflight.body());
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("GET"));
        assertFalse(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("If-None-Match"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Accept-Language"));
        assertNotNull(preflight.header("Access-Control-Max-Age"));

        Api.Reply read = api().get("api/articles?size=1", "Origin", FRONT_END).expect(200);
        assertEquals("*", read.header("Access-Control-Allow-Origin"));
        for (String exposed : List.of("ETag", "Link", "X-Total-Count", "X-Request-Id", "Content-Language")) {
            assertTrue(read.header("Access-Control-Expose-Headers").contains(exposed), exposed);
        }
        Api.Reply slug = api().get("api/articles/" + unique("missing"), "Origin", FRONT_END).expect(404);
        assertEquals("*", slug.header("Access-Control-Allow-Origin"), "errors are readable too");
    }

    @Test
    default void theAdminApiIsClosedToOtherOrigins() {
        Api.Reply read = api().admin().get("api/admin/tags", "Origin", FRONT_END).expect(200);
        assertNull(read.header("Access-Control-Allow-Origin"));

        for (String path : List.of("api/admin/articles", "api/auth/token", "api/%61dmin/articles")) {
            Api.Reply preflight = api().send("OPTIONS", path, null, null, "Origin", FRONT_END,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type");
            assertProblem(preflight.status(), preflight.contentType(), preflight.body(), 403);
            assertNull(preflight.header("Access-Control-Allow-Origin"), path);
            assertNull(preflight.header("Access-Control-Allow-Methods"), path);
        }
    }

    // --- helpers ---

    private void assertTagAbsent(String name) {
        boolean present = api().admin().get("api/admin/tags").expect(200).json().getJsonArray("items").stream()
                .anyMatch(t -> t.asJsonObject().getString("name").equals(name));
        assertFalse(present, "nothing was written: " + name);
    }

    private static void assertProblem(int status, String contentType, String body, int expected) {
        assertEquals(expected, status, body);
        assertNotNull(contentType, body);
        assertTrue(contentType.startsWith("application/problem+json"), contentType + " " + body);
        JsonObject problem = Json.createReader(new StringReader(body)).readObject();
        assertEquals(expected, problem.getInt("status"), body);
        assertTrue(problem.containsKey("requestId"), body);
        assertFalse(body.contains("Exception") || body.contains("at galley.") || body.contains("at org."), "no internals: " + body);
    }

    private static void assertSecurityHeaders(Api.Reply reply, String what) {
        assertEquals("nosniff", reply.header("X-Content-Type-Options"), what);
        assertEquals("DENY", reply.header("X-Frame-Options"), what);
        assertEquals("no-referrer", reply.header("Referrer-Policy"), what);
        assertEquals("default-src 'none'; frame-ancestors 'none'", reply.header("Content-Security-Policy"), what);
        assertNotNull(reply.header("Cross-Origin-Resource-Policy"), what);
    }

    private String[] adminHeaders(String... more) {
        String[] headers = new String[more.length + 4];
        headers[0] = "Authorization";
        headers[1] = api().admin().authorization();
        headers[2] = "Content-Type";
        headers[3] = "application/json";
        System.arraycopy(more, 0, headers, 4, more.length);
        return headers;
    }

    private Api.Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(api().uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType).header("Authorization", api().admin().authorization()).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Reply(method, path, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a request body on a raw connection, as a client that does not wait for the answer would. */
    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * An HTTP/1.1 exchange on a plain socket, for what HTTP clients will not send: a Content-Length the body
     * does not have, a chunked body of a chosen size. The body is written by another thread, so the answer is
     * read even when the server stops reading early.
     */
    record Raw(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Raw exchange(GalleyTests tests, String method, String path, String[] headers, BodyWriter body) {
            var base = tests.base();
            int port = base.getPort() < 0 ? 80 : base.getPort();
            String prefix = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
            try (Socket socket = new Socket(base.getHost(), port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                StringBuilder head = new StringBuilder(method + " " + prefix + path + " HTTP/1.1\r\n")
                        .append("Host: ").append(base.getHost()).append(':').append(port).append("\r\n")
                        .append("Connection: close\r\n");
                for (int i = 0; i + 1 < headers.length; i += 2) head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread writer = new Thread(() -> {
                    try {
                        body.write(out);
                        out.flush();
                    } catch (IOException e) {
                        // The server may close the connection once it has answered.
                    }
                });
                writer.setDaemon(true);
                writer.start();
                Raw reply = read(socket.getInputStream());
                writer.join(10_000);
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static Raw read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new Raw(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (c != '\r') line.append((char) c);
            }
            return line.toString();
        }
    }
}

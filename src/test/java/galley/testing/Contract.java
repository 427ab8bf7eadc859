package galley.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The contract test: every exchange the integration tests make through {@link Api} is checked against the
 * OpenAPI document the server under test publishes, so an undocumented status, header, field or type fails
 * the test that caused it. Responses are always checked (the status must be documented for the operation,
 * the body must match its schema, errors the Problem schema); requests are checked when the server
 * accepted them (status below 400): a request it accepted but the document forbids is drift too. Bad input
 * the server refused is not held against the document. Which operations and responses the run covered is
 * written to {@code target/contract/} when the test JVM ends.
 */
public final class Contract {

    private static final Map<String, Contract> BY_SERVER = new ConcurrentHashMap<>();
    private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();
    private static volatile Contract last;
    /** With -Dgalley.contract.collect=true a violation does not fail the test; all are listed in target/contract/ either way. */
    private static final boolean COLLECT = Boolean.getBoolean("galley.contract.collect");
    private static final Set<String> VIOLATIONS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Contract::writeCoverage, "contract-coverage"));
    }

    private final OpenApiInteractionValidator validator;
    private final List<Template> templates = new ArrayList<>();
    private final Set<String> documentedResponses = new TreeSet<>();

    private record Template(String path, Pattern pattern, int literalChars, Set<String> methods) {
    }

    private Contract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        JsonObject spec;
        try (var reader = Json.createReader(new StringReader(document))) {
            spec = reader.readObject();
        }
        spec.getJsonObject("paths").forEach((path, item) -> {
            Set<String> methods = new TreeSet<>();
            item.asJsonObject().forEach((method, operation) -> {
                if (!(operation instanceof JsonObject op) || !op.containsKey("responses")) return;
                String verb = method.toUpperCase(Locale.ROOT);
                methods.add(verb);
                op.getJsonObject("responses").keySet().forEach(status -> documentedResponses.add(verb + " " + path + " " + status));
            });
            String regex = Pattern.compile("\\{[^/]+}").matcher(Pattern.quote(path)).replaceAll("\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), path.replaceAll("\\{[^/]+}", "").length(), methods));
        });
        // Literal segments win over parameters (/api/admin/similar/recompute before /api/admin/similar/{x}).
        templates.sort(Comparator.comparingInt(Template::literalChars).reversed());
    }

    /** The contract of the server at {@code base}: its document, read once per server. */
    static Contract of(URI base) {
        String server = base.getScheme() + "://" + base.getAuthority();
        Contract contract = BY_SERVER.computeIfAbsent(server, s -> new Contract(fetch(URI.create(s + "/openapi?format=JSON"))));
        last = contract;
        return contract;
    }

    /**
     * Checks one exchange with the API under {@code apiRoot} ({@code /api/}, or where a host application put
     * Galley's module: {@code /host/cms/api/}); throws an AssertionError naming every way it breaks the document.
     */
    void check(HttpRequest request, byte[] body, HttpResponse<String> response, String apiRoot) {
        String method = request.method();
        String path = request.uri().getRawPath();
        // Outside the API (health, the document itself, the docs page), and methods JAX-RS answers by itself.
        if (!path.startsWith(apiRoot) || path.startsWith(apiRoot + "docs") || method.equals("HEAD") || method.equals("OPTIONS")) return;
        int status = response.statusCode();
        if (response.headers().firstValue("X-Request-Id").isEmpty()) {
            // Not Galley's answer: the HTTP server refused the request line (a malformed URL) before any of
            // Galley ran, with an empty 400. The bad-input suite counts these apart.
            if (status == 400) return;
            throw new AssertionError("Contract: " + method + " " + path + " -> " + status + " without a request id");
        }
        Template template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (template == null || !template.methods().contains(method)) {
            // Only "no such resource" and "no such method" may be answered to what the document does not have.
            if (status == 404 || status == 405) return;
            throw new AssertionError("Contract: " + method + " " + path + " is not in the API document, but was answered " + status);
        }
        COVERED.add(method + " " + template.path() + " " + status);

        ValidationReport report = validator.validateResponse(template.path(), Request.Method.valueOf(method), toResponse(response));
        if (status < 400) report = report.merge(validator.validateRequest(toRequest(request, body)));
        List<String> problems = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
        if (problems.isEmpty()) return;
        VIOLATIONS.add(method + " " + template.path() + " -> " + status + ": " + String.join(" | ", problems)
                + "\n    e.g. " + request.uri() + " " + abbreviate(response.body()).replace('\n', ' '));
        if (!COLLECT) {
            throw new AssertionError("Contract: " + method + " " + request.uri() + " -> " + status + " breaks the API document:\n  "
                    + String.join("\n  ", problems) + "\nresponse body: " + abbreviate(response.body()));
        }
    }

    private static Request toRequest(HttpRequest request, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
        String query = request.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
                // An empty or blank parameter is the same as none (said in the document's description).
                if (!value.isBlank()) builder.withQueryParam(name, value);
            }
        }
        request.headers().map().forEach((name, values) -> builder.withHeader(name, values));
        if (body != null) builder.withBody(body);
        return builder.build();
    }

    private static SimpleResponse toResponse(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) builder.withHeader(name, values);
        });
        if (response.body() != null && !response.body().isEmpty()) builder.withBody(response.body());
        return builder.build();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    private static String fetch(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException(uri + " answered " + response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the run covered: operations and documented responses exercised, and what was not. */
    private static void writeCoverage() {
        Contract contract = last;
        if (contract == null) return;
        Set<String> operations = contract.documentedResponses.stream().map(Contract::operation).collect(Collectors.toCollection(TreeSet::new));
        Set<String> coveredOperations = COVERED.stream().map(Contract::operation).collect(Collectors.toCollection(TreeSet::new));
        Set<String> coveredResponses = new TreeSet<>(COVERED);
        Set<String> untestedOperations = new TreeSet<>(operations);
        untestedOperations.removeAll(coveredOperations);
        StringBuilder text = new StringBuilder();
        text.append("Contract validation (every exchange of the integration tests checked against /openapi)\n")
                .append("operations: ").append(coveredOperations.size()).append(" of ").append(operations.size()).append(" exercised\n")
                .append("responses (operation + status): ").append(coveredResponses.size()).append(" of ")
                .append(contract.documentedResponses.size()).append(" documented exercised\n\n")
                .append("operations not exercised:\n");
        untestedOperations.forEach(o -> text.append("  ").append(o).append('\n'));
        text.append("\nresponses exercised:\n");
        coveredResponses.forEach(r -> text.append("  ").append(r).append('\n'));
        try {
            Path dir = Path.of(System.getProperty("galley.contract.dir", "target/contract"));
            Files.createDirectories(dir);
            String database = System.getenv().getOrDefault("GALLEY_TEST_DATABASE", "h2");
            Files.writeString(dir.resolve("coverage-" + database + ".txt"), text);
            Files.write(dir.resolve("violations-" + database + ".txt"), new TreeSet<>(VIOLATIONS));
        } catch (IOException e) {
            System.err.println("Could not write the contract coverage: " + e);
        }
    }

    private static String operation(String response) {
        return response.substring(0, response.lastIndexOf(' '));
    }
}

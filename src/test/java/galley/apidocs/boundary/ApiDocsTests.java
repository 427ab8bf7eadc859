package galley.apidocs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API as front-end developers meet it: the interactive reference at {@code /api/docs} (served with its
 * files and a policy that lets it run, and used in headless Chromium), the document written to files for
 * client generators, and a TypeScript client generated from it, type-checked and run against this Galley.
 * The Node tools live in {@code src/test/js} (see {@link NodeTools}).
 */
public interface ApiDocsTests extends GalleyTests {

    String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    default void theApiReferenceIsServedWithItsFilesAndAPolicyThatLetsItRun() {
        Api api = api();
        for (String path : new String[] {"api/docs", "api/docs/", "api/docs/index.html"}) {
            Api.Reply page = api.get(path).expect(200);
            assertEquals("text/html;charset=UTF-8", page.contentType().replace(" ", ""), path);
            assertEquals(ApiDocsPages.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"), path);
            assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
            assertEquals("DENY", page.header("X-Frame-Options"), path);
            assertEquals("no-cache", page.header("Cache-Control"), path);
            assertTrue(page.body().contains("<div id=\"swagger-ui\" data-openapi=\"/openapi?format=JSON\">"), page.body());
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)|\\sstyle=|\\son[a-z]+=").matcher(page.body()).find(),
                    "no inline script, style or handler, which the policy would refuse: " + page.body());
        }

        // Every file the page links, with its media type; the policy lets scripts, styles, images and fetches of
        // this origin in, and nothing inline.
        String index = api.get("api/docs").expect(200).body();
        Matcher links = Pattern.compile("(?:src|href)=\"(/api/docs/[^\"]+)\"").matcher(index);
        Map<String, String> types = Map.of(".js", "text/javascript;charset=UTF-8", ".css", "text/css;charset=UTF-8", ".png", "image/png");
        int files = 0;
        while (links.find()) {
            String path = links.group(1);
            Api.Reply file = api.get(path).expect(200);
            String type = types.get(path.substring(path.lastIndexOf('.')));
            assertEquals(type, file.contentType().replace(" ", ""), path);
            assertEquals(ApiDocsPages.CONTENT_SECURITY_POLICY, file.header("Content-Security-Policy"), path);
            assertEquals("public, max-age=3600", file.header("Cache-Control"), path);
            assertFalse(file.body().isEmpty(), path);
            files++;
        }
        assertEquals(6, files, "swagger-ui.css, index.css, two icons, swagger-ui-bundle.js, galley-api-docs.js: " + index);
        assertTrue(api.get("api/docs/swagger-ui-bundle.js").body().contains("SwaggerUIBundle"));
        assertTrue(ApiDocsPages.CONTENT_SECURITY_POLICY.contains("script-src 'self';")
                && ApiDocsPages.CONTENT_SECURITY_POLICY.contains("style-src 'self';")
                && !ApiDocsPages.CONTENT_SECURITY_POLICY.contains("unsafe"), ApiDocsPages.CONTENT_SECURITY_POLICY);

        // Compressed when the client accepts it; revalidated with the ETag.
        Api.Reply gzipped = api.get("api/docs/swagger-ui-bundle.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertEquals("Accept-Encoding", gzipped.header("Vary"));
        Api.Reply plain = api.get("api/docs/swagger-ui-bundle.js").expect(200);
        assertNotNull(plain.header("ETag"));
        assertNotEquals(plain.header("ETag"), gzipped.header("ETag"), "each encoding has its own strong tag");
        Api.Reply unchanged = api.get("api/docs/swagger-ui-bundle.js", "If-None-Match", plain.header("ETag")).expect(304);
        assertEquals("", unchanged.body());

        // Nothing else: unknown names, sub-paths, traversal and other methods are the usual problems, with the
        // strict policy.
        for (String path : new String[] {"api/docs/nothing.js", "api/docs/WEB-INF/web.xml", "api/docs/a/b", "api/docs/%2e%2e/openapi",
                "api/docs/..%2Fopenapi", "api/docs/swagger-ui-es-bundle.js", "api/docs/swagger-initializer.js", "webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
                "WEB-INF/swagger-ui/swagger-ui-bundle.js", "WEB-INF/api-docs/index.html"}) {
            Api.Reply missing = api.get(path);
            assertTrue(missing.status() == 404 || missing.status() == 400, path + " " + missing);
            assertEquals("application/problem+json", missing.contentType(), path);
            assertEquals(STRICT_POLICY, missing.header("Content-Security-Policy"), path);
        }
        Api.Reply post = api.send("POST", "api/docs", "{}", "application/json");
        assertEquals(405, post.status(), post.toString());
        assertEquals("application/problem+json", post.contentType());

        // The API and the document keep the strict policy, and the pages are not operations of the document.
        assertEquals(STRICT_POLICY, api.get("api/articles?size=1").expect(200).header("Content-Security-Policy"));
        String document = api.get("openapi?format=JSON", "Accept", "application/json").expect(200).body();
        assertFalse(document.contains("\"/api/docs"), "the pages are not in the document");
    }

    /**
     * The document as files, for generating clients without a running server: {@code target/openapi.yaml} and
     * {@code target/openapi.json}, exactly as {@code /openapi} serves them.
     */
    @Test
    default void theDocumentIsWrittenToFilesForClientGenerators() throws IOException {
        Path yaml = writeDocument();
        assertTrue(Files.readString(yaml).startsWith("openapi: 3."), "YAML");
        assertTrue(Files.readString(yaml.resolveSibling("openapi.json")).strip().startsWith("{"), "JSON");
        System.out.println("OpenAPI document written to " + yaml + " and " + yaml.resolveSibling("openapi.json"));
    }

    /**
     * Redocly CLI lints the live document with the project's ruleset ({@code src/test/js/redocly.yaml}:
     * Redocly's strict set, plus a description for every operation and an example for every parameter):
     * no errors and no warnings.
     */
    @Test
    default void theDocumentPassesTheLinter() {
        NodeTools.onlyOnH2();
        NodeTools.requireInstalled();
        Path yaml = writeDocument();
        String output = NodeTools.succeed("redocly lint", NodeTools.DIR, Map.of(), Duration.ofMinutes(2),
                NodeTools.DIR.resolve("node_modules/@redocly/cli/bin/cli.js").toString(), "lint", yaml.toString(),
                "--config", NodeTools.DIR.resolve("redocly.yaml").toString(), "--format", "stylish");
        assertTrue(output.contains("Woohoo! Your API description is valid."), output);
        // Redocly's own notices (Node.js version) are not findings; findings are "line:column  warning  rule".
        assertFalse(Pattern.compile("(?m)^\\s*\\d+:\\d+\\s+warning\\s").matcher(output).find(), output);
        assertFalse(output.contains("Your config has"), "the ruleset itself is valid: " + output);
        System.out.println("Lint of the API document: " + output.lines().filter(l -> l.contains("Woohoo")).findFirst().orElse(output));
    }

    /**
     * Debian's Chromium, headless, opens {@code /api/docs}, finds GET /api/articles under Articles, runs it with
     * "Try it out" and sees the live 200 with its items; no policy violation or script error on the way. The
     * screenshot is {@code target/api-docs/swagger-ui.png}.
     */
    @Test
    default void theApiReferenceRunsAReadCallInHeadlessChromium() {
        NodeTools.onlyOnH2();
        NodeTools.requireInstalled();
        NodeTools.requireChromium();
        Path screenshot = NodeTools.TARGET.resolve("api-docs").resolve("swagger-ui.png");
        String output = NodeTools.succeed("The browser test of /api/docs", NodeTools.DIR,
                Map.of("GALLEY_BASE_URL", base().toString(), "GALLEY_SCREENSHOT", screenshot.toString(),
                        "GALLEY_CHROMIUM", NodeTools.CHROMIUM.toString()),
                Duration.ofMinutes(4), "api-docs-browser.mjs");
        assertTrue(output.contains("Screenshot: " + screenshot), output);
        assertTrue(Files.isRegularFile(screenshot), screenshot.toString());
    }

    /**
     * A front end's client: openapi-typescript generates types from the document written to target/, tsc
     * --strict checks client-check.ts (openapi-fetch) against them, and the check runs against this Galley: lists,
     * reads an article with translations and similar posts, its author, signs in and edits a draft of its own.
     * Fails when the server and the document disagree (see client-check.ts).
     */
    @Test
    default void aTypedClientGeneratedFromTheDocumentAgreesWithTheServer() throws IOException {
        NodeTools.onlyOnH2();
        NodeTools.requireInstalled();
        Path yaml = writeDocument();
        Path client = Files.createDirectories(NodeTools.TARGET.resolve("ts-client"));
        Path types = client.resolve("galley-api.d.ts");
        Files.deleteIfExists(types);
        deleteRecursively(NodeTools.DIR.resolve("out"));
        // Run where no redocly.yaml is: the linter's ruleset is not the generator's business (it validates the
        // document's structure with its own defaults).
        NodeTools.succeed("openapi-typescript (types from the document)", client, Map.of(), Duration.ofMinutes(2),
                NodeTools.DIR.resolve("node_modules/openapi-typescript/bin/cli.js").toString(), yaml.toString(), "-o", types.toString());
        NodeTools.succeed("tsc --strict: client-check.ts against the generated types (a call the document does not describe does not compile)",
                NodeTools.DIR, Map.of(), Duration.ofMinutes(3), "node_modules/typescript/bin/tsc", "-p", "tsconfig.json");
        String output = NodeTools.succeed("The typed client check against the server", NodeTools.DIR,
                Map.of("GALLEY_BASE_URL", base().toString(), "GALLEY_ADMIN_USER", TestConfig.ADMIN_USER,
                        "GALLEY_ADMIN_PASSWORD", TestConfig.adminPassword()),
                Duration.ofMinutes(2), "out/client-check.js");
        assertTrue(output.contains("every answer as the document describes it"), output);
    }

    /** Writes the live document to target/openapi.yaml and target/openapi.json; returns the YAML file. */
    private Path writeDocument() {
        try {
            Path target = Files.createDirectories(NodeTools.TARGET);
            Path yaml = target.resolve("openapi.yaml");
            Files.writeString(yaml, api().get("openapi").expect(200).body());
            Files.writeString(target.resolve("openapi.json"), api().get("openapi?format=JSON", "Accept", "application/json").expect(200).body());
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

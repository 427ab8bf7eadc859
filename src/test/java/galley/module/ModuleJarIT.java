package galley.module;

import static galley.testing.Content.createAuthor;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.module.host.HostApplication;
import galley.testing.Api;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Galley as a module of another application: a host WAR assembled here with Galley's module jar
 * ({@code target/galley-module.jar}) and the libraries it depends on in {@code WEB-INF/lib}, one class of the
 * host's own ({@link HostApplication}, its API at {@code /own}) and a {@code web.xml} that puts Galley's API at
 * {@code /cms/api}. The host is deployed as {@code host.war} (context root {@code /host}), so Galley lives at
 * {@code /host/cms/api}: both the context root and the mapping differ from {@code galley.war}'s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModuleJarIT implements GalleyTests {

    /** The host's web.xml: Galley's Jakarta REST application mapped where the host wants it (Jakarta REST 2.3.2). */
    static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                <servlet>
                    <servlet-name>galley.GalleyApplication</servlet-name>
                </servlet>
                <servlet-mapping>
                    <servlet-name>galley.GalleyApplication</servlet-name>
                    <url-pattern>/cms/api/*</url-pattern>
                </servlet-mapping>
            </web-app>
            """;

    /** The host's MicroProfile Config: Galley's resources are in a library jar, which Payara's OpenAPI skips by default. */
    static final String HOST_CONFIG = "mp.openapi.extensions.scan.lib=true\n";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    @ArquillianResource
    URL host;

    @Deployment(testable = false)
    public static WebArchive host() {
        File module = new File(System.getProperty("galley.module.jar", "target/galley-module.jar"));
        File war = new File(System.getProperty("galley.war", "target/galley.war"));
        WebArchive host = ShrinkWrap.create(WebArchive.class, "host.war")
                .addClasses(HostApplication.class, HostApplication.Hello.class)
                .addAsLibrary(module)
                // Payara's OpenAPI reads the resources of WEB-INF/lib jars only when told to (its own setting).
                .addAsResource(new StringAsset(HOST_CONFIG), "META-INF/microprofile-config.properties")
                .setWebXML(new StringAsset(WEB_XML));
        // Galley's dependencies, as Maven would resolve them for the module's coordinates: the WAR's WEB-INF/lib.
        ShrinkWrap.createFromZipFile(WebArchive.class, war).getContent(Filters.include("/WEB-INF/lib/.*\\.jar"))
                .forEach((path, node) -> host.add(node.getAsset(), path));
        return host;
    }

    /** Galley's API client: its paths ({@code api/...}) resolve under {@code /host/cms/}. */
    @Override
    public URL base() {
        try {
            return new URL(host, "cms/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHostsOwnEndpointAnswersUntouchedByGalley() {
        HttpResponse<String> hello = send("GET", "own/hello", null, "Origin", "https://elsewhere.example");
        assertEquals(200, hello.statusCode());
        assertEquals("hello from the host", hello.body());
        // None of Galley's servlet filters or Jakarta REST providers ran: no request id, no security headers,
        // no CORS, no caching headers.
        for (String header : new String[] {"X-Request-Id", "Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
                "Cross-Origin-Resource-Policy", "Access-Control-Allow-Origin", "ETag", "Cache-Control"}) {
            assertTrue(hello.headers().firstValue(header).isEmpty(), header + " on the host's own answer: " + hello.headers().map());
        }
        // Payara adds X-Frame-Options: SAMEORIGIN to every answer by itself; Galley's DENY is not on the host's.
        assertFalse(hello.headers().allValues("X-Frame-Options").contains("DENY"), hello.headers().map().toString());
        // Credentials Galley does not know are the host's business on its paths (Galley would answer 401).
        assertEquals(200, send("GET", "own/hello", null, "Authorization", "Bearer not-a-galley-token").statusCode());
        assertEquals(200, send("GET", "own/hello", null, "Authorization", "Basic aG9zdDpob3N0").statusCode());
        // Galley's body limit (1 MiB) is not the host's: 2 MiB reach its resource.
        HttpResponse<String> large = send("POST", "own/hello", "x".repeat(2 * 1024 * 1024), "Content-Type", "text/plain");
        assertEquals(200, large.statusCode());
        assertEquals(Integer.toString(2 * 1024 * 1024), large.body());
        // The host's unknown paths are its own 404s, not Galley's problem details; Galley's resources are not in its API.
        for (String path : new String[] {"own/nothing-here", "own/articles"}) {
            HttpResponse<String> missing = send("GET", path, null);
            assertEquals(404, missing.statusCode(), path);
            assertFalse(missing.headers().firstValue("Content-Type").orElse("").contains("problem+json"), path + ": " + missing.headers().map());
        }
    }

    @Test
    void galleysPublicApiAnswersUnderTheChosenPath() {
        Api.Reply list = api().get("api/articles?size=2").expect(200);
        JsonObject page = list.json();
        assertTrue(page.getInt("total") >= 3, "the demo content, migrated and loaded from the module jar: " + page);
        assertEquals(2, page.getJsonArray("items").size());
        // Links are where the host put Galley.
        String links = list.header("Link");
        assertNotNull(links);
        assertTrue(links.contains(host.getPath() + "cms/api/articles?") && links.contains("rel=\"next\""), links);
        assertEquals("default-src 'none'; frame-ancestors 'none'", list.header("Content-Security-Policy"), "Galley's answers keep its headers");
        assertEquals("cross-origin", list.header("Cross-Origin-Resource-Policy"), "the public API is the public area");
        assertNotNull(list.header("X-Request-Id"));

        String slug = page.getJsonArray("items").getJsonObject(0).getString("slug");
        Api.Reply article = api().get("api/articles/" + slug).expect(200);
        assertEquals(slug, article.json().getString("slug"));
        String etag = article.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "a strong ETag: " + etag);
        assertTrue(article.header("Cache-Control").startsWith("public, max-age="), article.header("Cache-Control"));
        Api.Reply notModified = api().get("api/articles/" + slug, "If-None-Match", etag);
        assertEquals(304, notModified.status());
        assertEquals("", notModified.body());

        // Full-text search (Hibernate Search's index, built in the host) and similar posts answer there too.
        assertTrue(api().get("api/search?q=ferry&lang=en").expect(200).json().getInt("total") > 0, "search in the host");
        assertNotNull(api().get("api/articles/" + slug + "/similar").expect(200).json().getJsonArray("items"));

        // The public API's CORS is Galley's (any origin by default) under its path.
        assertEquals("*", api().get("api/articles?size=1", "Origin", "https://front.example").expect(200).header("Access-Control-Allow-Origin"));
    }

    @Test
    void signInAndAdminWritesWorkUnderTheChosenPath() {
        Api admin = api().admin();
        assertTrue(admin.authorization().startsWith("Bearer ey"), "signed in at /host/cms/api/auth/token");
        String name = unique("Module Author");
        UUID id = createAuthor(admin, name);
        Api.Reply read = admin.get("api/admin/authors/" + id).expect(200);
        assertEquals(name, read.json().getString("name"));
        assertEquals("no-store", read.header("Cache-Control"), "the signed-in area keeps its rules under the host's path");
        assertEquals("same-site", read.header("Cross-Origin-Resource-Policy"));

        Api.Reply created = admin.post("api/admin/tags", Json.createObjectBuilder().add("name", unique("module tag")).build());
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").startsWith(host.toString() + "cms/api/admin/tags/"), created.header("Location"));

        Api.Reply anonymous = api().post("api/admin/tags", Json.createObjectBuilder().add("name", unique("refused")).build());
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        Api.Reply badToken = api().withToken("not-a-token").get("api/admin/authors");
        assertEquals(401, badToken.status(), "under Galley's path, Galley judges bearer tokens");
        assertTrue(badToken.header("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void unknownGalleyPathsAreProblemDetails() {
        for (String path : new String[] {"api/nothing-here", "api/hello", "api/articles/" + unique("missing")}) {
            Api.Reply missing = api().get(path);
            assertEquals(404, missing.status(), path);
            assertEquals("application/problem+json", missing.contentType(), path);
            assertEquals(404, missing.json().getInt("status"));
            assertNotNull(missing.header("X-Request-Id"));
        }
        // Galley's body limit holds under its path.
        Api.Reply tooLarge = api().admin().send("POST", "api/admin/tags", "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}", "application/json");
        assertEquals(413, tooLarge.status());
        assertEquals("application/problem+json", tooLarge.contentType());
    }

    @Test
    void theApiDocumentAndReferenceFollowTheChosenPath() {
        JsonObject document;
        HttpResponse<String> openapi = send("GET", URI.create(host.toString()).resolve("/openapi?format=JSON").toString(), null);
        assertEquals(200, openapi.statusCode());
        try (var reader = Json.createReader(new StringReader(openapi.body()))) {
            document = reader.readObject();
        }
        JsonObject paths = document.getJsonObject("paths");
        String galley = host.getPath() + "cms/api";
        assertTrue(paths.containsKey(galley + "/articles/{slug}"), "Galley's paths where they are served: " + paths.keySet());
        assertTrue(paths.containsKey(galley + "/admin/articles"), paths.keySet().toString());
        assertFalse(paths.keySet().stream().anyMatch(p -> p.startsWith("/api/")), "no path where Galley is not: " + paths.keySet());
        // Galley shapes its own operations only: the host's keeps what the generator made of it.
        JsonObject hostHello = paths.getJsonObject(host.getPath() + "own/hello");
        assertNotNull(hostHello, "the host's own API, with its context root: " + paths.keySet());
        assertFalse(hostHello.getJsonObject("get").getJsonObject("responses").containsKey("500"), hostHello.toString());
        assertTrue(paths.getJsonObject(galley + "/articles/{slug}").getJsonObject("get").getJsonObject("responses").containsKey("404"));

        HttpResponse<String> page = send("GET", "cms/api/docs", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains(galley + "/docs/swagger-ui-bundle.js"), page.body());
        HttpResponse<String> script = send("GET", "cms/api/docs/swagger-ui-bundle.js", null);
        assertEquals(200, script.statusCode(), "Swagger UI from the module jar");
        assertTrue(script.body().length() > 100_000);
        assertEquals(404, send("GET", "cms/api/docs/nothing.js", null).statusCode());
    }

    /** A request to the host (path relative to its context root, or absolute); headers are name, value pairs. */
    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.toString()).resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

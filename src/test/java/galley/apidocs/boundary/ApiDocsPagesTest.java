package galley.apidocs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiDocsPagesTest {

    @Test
    void onlyPlainNamesDirectlyUnderTheDocsAreFiles() {
        assertEquals("index.html", ApiDocsPages.nameOf(null));
        assertEquals("index.html", ApiDocsPages.nameOf("/"));
        assertEquals("swagger-ui.css", ApiDocsPages.nameOf("/swagger-ui.css"));
        assertNull(ApiDocsPages.nameOf("/a/b"));
        assertNull(ApiDocsPages.nameOf("//"));
        assertNull(ApiDocsPages.nameOf("/../web.xml"));
        assertFalse(ApiDocsPages.FILES.containsKey(".."));
        ApiDocsPages.FILES.values().forEach(f -> assertTrue(f.resource().startsWith("/WEB-INF/"), f.resource()));
    }

    @Test
    void gzipOnlyWhenAccepted() {
        assertTrue(ApiDocsPages.acceptsGzip("gzip, deflate, br"));
        assertTrue(ApiDocsPages.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(ApiDocsPages.acceptsGzip("x-gzip"));
        assertFalse(ApiDocsPages.acceptsGzip(null));
        assertFalse(ApiDocsPages.acceptsGzip("identity"));
        assertFalse(ApiDocsPages.acceptsGzip("gzip;q=0"));
        assertFalse(ApiDocsPages.acceptsGzip("gzip; q=0.000, br"));
        assertFalse(ApiDocsPages.acceptsGzip("gzipped"));
    }

    @Test
    void ifNoneMatchNamesTheTag() {
        assertTrue(ApiDocsPages.matches("\"abc\"", "\"abc\""));
        assertTrue(ApiDocsPages.matches("\"x\", W/\"abc\"", "\"abc\""));
        assertTrue(ApiDocsPages.matches("*", "\"abc\""));
        assertFalse(ApiDocsPages.matches("\"abd\"", "\"abc\""));
        assertFalse(ApiDocsPages.matches(null, "\"abc\""));
    }

    @Test
    void thePolicyLetsTheDocsRunFromThisOriginOnly() {
        String policy = ApiDocsPages.CONTENT_SECURITY_POLICY;
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertFalse(policy.contains("unsafe") || policy.contains("*") || policy.contains("http"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }
}

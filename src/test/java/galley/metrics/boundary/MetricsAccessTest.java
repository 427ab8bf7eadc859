package galley.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsAccessTest {

    private final byte[] expected = MetricsAccess.digest("s3cret-scrape-token");

    @Test
    void onlyTheScrapeTokenAsABearerTokenIsAdmitted() {
        assertTrue(MetricsAccess.admitted("Bearer s3cret-scrape-token", expected));
        assertTrue(MetricsAccess.admitted("bearer  s3cret-scrape-token ", expected), "the scheme is case-insensitive (RFC 9110)");
        assertFalse(MetricsAccess.admitted(null, expected));
        assertFalse(MetricsAccess.admitted("", expected));
        assertFalse(MetricsAccess.admitted("Bearer", expected));
        assertFalse(MetricsAccess.admitted("Bearer s3cret-scrape-toke", expected));
        assertFalse(MetricsAccess.admitted("Bearer s3cret-scrape-token-and-more", expected));
        assertFalse(MetricsAccess.admitted("Basic s3cret-scrape-token", expected));
        assertFalse(MetricsAccess.admitted("s3cret-scrape-token", expected));
    }
}

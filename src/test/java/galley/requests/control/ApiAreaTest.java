package galley.requests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiAreaTest {

    @Test
    void pathsAreSortedIntoAreas() {
        assertEquals(ApiArea.PUBLIC, ApiArea.of("/api/articles"));
        assertEquals(ApiArea.PUBLIC, ApiArea.of("/api"));
        assertEquals(ApiArea.PUBLIC, ApiArea.of("/api/administrators"), "a prefix of a name is not the admin API");
        assertEquals(ApiArea.SIGNED_IN, ApiArea.of("/api/admin"));
        assertEquals(ApiArea.SIGNED_IN, ApiArea.of("/api/admin/articles/1"));
        assertEquals(ApiArea.SIGNED_IN, ApiArea.of("/api/auth/token"));
        assertEquals(ApiArea.SIGNED_IN, ApiArea.of("api//admin/articles"));
        assertEquals(ApiArea.SIGNED_IN, ApiArea.of("/API/Admin/articles"));
        assertEquals(ApiArea.SIGNED_IN, ApiArea.of("/api/admin;x=1/articles"));
        assertEquals(ApiArea.OTHER, ApiArea.of("/openapi"));
        assertEquals(ApiArea.OTHER, ApiArea.of("/apix"));
        assertEquals(ApiArea.OTHER, ApiArea.of(null));
    }

    @Test
    void theImportHasItsOwnBodyLimit() {
        assertEquals(32, RequestLimits.bodyLimit("/api/admin/articles/import", 1, 32));
        assertEquals(32, RequestLimits.bodyLimit("/api/admin//articles/import/", 1, 32));
        assertEquals(1, RequestLimits.bodyLimit("/api/admin/articles", 1, 32));
        assertEquals(1, RequestLimits.bodyLimit("/api/admin/articles/import/x", 1, 32));
        assertEquals(1, RequestLimits.bodyLimit(null, 1, 32));
        assertEquals(4, RequestLimits.bodyLimit("/api/admin/articles/import", 4, 2), "never below the general limit");
    }
}

package galley.paging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import galley.errors.control.InvalidRequest;
import galley.paging.control.Page;
import galley.paging.control.PageRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void pageDefaultsAndBounds() {
        assertEquals(new PageRequest(1, 20), Params.page(null, null));
        assertEquals(new PageRequest(3, 100), Params.page("3", "100"));
        assertEquals("size", assertThrows(InvalidRequest.class, () -> Params.page("1", "101")).field());
        assertEquals("page", assertThrows(InvalidRequest.class, () -> Params.page("0", "10")).field());
        assertEquals("page", assertThrows(InvalidRequest.class, () -> Params.page("abc", "10")).field());
        assertEquals(40, new PageRequest(3, 20).offset());
    }

    @Test
    void datesAreWholeUtcDays() {
        assertEquals(Instant.parse("2022-09-30T00:00:00Z"), Params.instant("from", "2022-09-30", false));
        assertEquals(Instant.parse("2022-10-01T00:00:00Z"), Params.instant("to", "2022-09-30", true));
        assertEquals(Instant.parse("2022-09-30T12:00:00Z"), Params.instant("to", "2022-09-30T12:00:00Z", true));
        assertNull(Params.instant("from", "", false));
        assertEquals("from", assertThrows(InvalidRequest.class, () -> Params.instant("from", "30.09.2022", false)).field());
    }

    @Test
    void totalPages() {
        assertEquals(1, new Page<>(List.of(), 1, 20, 0).totalPages());
        assertEquals(1, new Page<>(List.of(), 1, 20, 20).totalPages());
        assertEquals(2, new Page<>(List.of(), 1, 20, 21).totalPages());
    }
}

package galley.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestTimersTest {

    @Test
    void statusesFallInTheirClassAndOddOnesAmongServerErrors() {
        assertEquals(0, RequestTimers.statusClass(101));
        assertEquals(1, RequestTimers.statusClass(200));
        assertEquals(1, RequestTimers.statusClass(204));
        assertEquals(2, RequestTimers.statusClass(304));
        assertEquals(3, RequestTimers.statusClass(404));
        assertEquals(3, RequestTimers.statusClass(499));
        assertEquals(4, RequestTimers.statusClass(503));
        // Never set (0) or out of range: counted as a server error rather than lost.
        assertEquals(4, RequestTimers.statusClass(0));
        assertEquals(4, RequestTimers.statusClass(999));
    }
}

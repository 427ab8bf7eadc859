package galley.similar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeWatermarkTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private final UUID a = new UUID(0, 1);
    private final UUID b = new UUID(0, 2);
    private final ChangeWatermark watermark = new ChangeWatermark();

    @Test
    void stoppedItHasNothingToLookFor() {
        assertNull(watermark.from());
        watermark.seen(a, 1, START);
        watermark.unsettled(b);
        assertNull(watermark.from());
        assertEquals(Set.of(), watermark.unsettled());
    }

    @Test
    void looksBackAMarginBeforeTheNewestChangeSeen() {
        watermark.start(START);
        assertEquals(START.minus(ChangeWatermark.MARGIN), watermark.from());
        watermark.seen(a, 3, START.plusSeconds(30));
        assertEquals(START.plusSeconds(30).minus(ChangeWatermark.MARGIN), watermark.from());
        // A change committed late, with an older time, moves nothing back.
        watermark.seen(b, 1, START.plusSeconds(10));
        assertEquals(START.plusSeconds(30).minus(ChangeWatermark.MARGIN), watermark.from());
    }

    @Test
    void eachVersionIsTakenInOnce() {
        watermark.start(START);
        assertTrue(watermark.isNew(a, 1));
        watermark.seen(a, 1, START.plusSeconds(1));
        assertFalse(watermark.isNew(a, 1), "seen in this version: a later look that returns it again skips it");
        assertTrue(watermark.isNew(a, 2), "changed again");
        // An older version seen late (a slow recomputation) does not hide the newer one.
        watermark.seen(a, 2, START.plusSeconds(2));
        watermark.seen(a, 1, START.plusSeconds(1));
        assertFalse(watermark.isNew(a, 2));
    }

    @Test
    void versionsOutOfTheWindowAreForgotten() {
        watermark.start(START);
        watermark.seen(a, 1, START.plusSeconds(1));
        watermark.seen(b, 1, START.plus(ChangeWatermark.MARGIN).plusSeconds(5));
        // a's time is before the window now: a look no longer returns it, so it need not be remembered.
        assertTrue(watermark.isNew(a, 1));
        assertFalse(watermark.isNew(b, 1));
    }

    @Test
    void anArticleTheIndexDoesNotHoldYetIsLookedAtUntilTakenInOrGone() {
        watermark.start(START);
        watermark.unsettled(a);
        watermark.unsettled(b);
        assertEquals(Set.of(a, b), watermark.unsettled());
        assertTrue(watermark.isNew(a, 4), "not taken in");
        watermark.seen(a, 4, START.plusSeconds(1));
        watermark.gone(b);
        assertEquals(Set.of(), watermark.unsettled());
        watermark.start(START.plusSeconds(60));
        assertTrue(watermark.isNew(a, 4), "a new full run starts over");
    }
}

package galley.caching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RenderingsTest {

    private final Renderings renderings = new Renderings();

    @Test
    void theFirstToMissRendersTheOthersWaitForIt() throws Exception {
        Renderings.Rendering first = renderings.join("k");
        assertTrue(first.own());
        Renderings.Rendering second = renderings.join("k");
        assertFalse(second.own());
        assertTrue(renderings.join("other key").own(), "another key renders on its own");

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> second.await(10_000));
        Thread.sleep(50);
        assertFalse(waiting.isDone(), "waits while the first renders");
        first.close();
        assertTrue(waiting.get(5, TimeUnit.SECONDS), "released when it is done");
        second.close(); // not its own: changes nothing
        assertTrue(renderings.join("k").own(), "the next miss renders again");
    }

    @Test
    void aWaitEndsAfterItsBoundWhenTheRenderingTakesLonger() {
        try (Renderings.Rendering first = renderings.join("slow")) {
            long start = System.nanoTime();
            assertFalse(renderings.join("slow").await(100));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
            assertTrue(first.own());
        }
    }

    @Test
    void aWaiterWhoseRenderingAlreadyEndedDoesNotWait() {
        Renderings.Rendering first = renderings.join("k");
        Renderings.Rendering second = renderings.join("k");
        first.close();
        assertEquals(true, second.await(0));
    }
}

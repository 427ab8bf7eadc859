package galley.similar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimilarMaintenanceTest {

    @Test
    void aRequestWaitsAsLongAsTheIndexAskedWithinBounds() {
        assertEquals(Duration.ofSeconds(5), SimilarMaintenance.retryDelay(Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(1), SimilarMaintenance.retryDelay(Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(200), SimilarMaintenance.retryDelay(Duration.ZERO), "never a busy loop");
        assertEquals(Duration.ofSeconds(5), SimilarMaintenance.retryDelay(null), "no hint: a few seconds");
    }
}

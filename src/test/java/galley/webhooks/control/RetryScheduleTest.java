package galley.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void doublesFromTheFirstRetryUpToAnHourThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), 10);
        List<Duration> waits = IntStream.rangeClosed(1, 9).mapToObj(n -> schedule.delayAfter(n).orElseThrow()).toList();
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1)), waits);
        assertEquals(Optional.empty(), schedule.delayAfter(10), "the tenth failed attempt is the last");
        assertEquals(Optional.empty(), schedule.delayAfter(11));
    }

    @Test
    void manyAttemptsStayAtTheCap() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(500), 100);
        assertEquals(Duration.ofMillis(500), schedule.delayAfter(1).orElseThrow());
        assertEquals(Duration.ofSeconds(1), schedule.delayAfter(2).orElseThrow());
        assertEquals(RetrySchedule.CAP, schedule.delayAfter(99).orElseThrow());
        assertTrue(new RetrySchedule(Duration.ofHours(2), 3).delayAfter(1).orElseThrow().equals(RetrySchedule.CAP), "capped from the start");
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertEquals(Optional.empty(), new RetrySchedule(Duration.ofSeconds(1), 1).delayAfter(1));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), 0));
    }
}

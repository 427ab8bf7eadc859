package galley.webhooks.control;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed delivery again: {@code firstRetry} after the first attempt, doubling after each
 * further one, never more than {@link #CAP} apart, until {@code maxAttempts} attempts have failed.
 */
public record RetrySchedule(Duration firstRetry, int maxAttempts) {

    public static final Duration CAP = Duration.ofHours(1);

    public RetrySchedule {
        if (firstRetry.isNegative() || firstRetry.isZero()) throw new IllegalArgumentException("firstRetry must be positive");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), or empty when it was the last one allowed. */
    public Optional<Duration> delayAfter(int attempt) {
        if (attempt >= maxAttempts) return Optional.empty();
        Duration delay = firstRetry;
        // Doubling stops at the cap, so no overflow however many attempts are allowed.
        for (int i = 1; i < attempt && delay.compareTo(CAP) < 0; i++) delay = delay.multipliedBy(2);
        return Optional.of(delay.compareTo(CAP) > 0 ? CAP : delay);
    }
}

package galley.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import galley.errors.control.TooManyRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-29T12:00:00Z");

    private SignInThrottle throttle() {
        SignInThrottle throttle = new SignInThrottle();
        throttle.perAccount = 5;
        throttle.perAddress = 20;
        throttle.clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return throttle;
    }

    @Test
    void anAccountWaitsTwiceAsLongAfterEachFailureBeyondItsAllowance() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < 4; i++) throttle.failed("Editor", "10.0.0." + i);
        assertDoesNotThrow(() -> throttle.check("editor", "10.0.0.9"));
        throttle.failed("editor", "10.0.0.5");
        assertEquals(Duration.ofSeconds(1), assertThrows(TooManyRequests.class, () -> throttle.check("EDITOR", "10.0.0.9")).retryAfter());
        throttle.failed("editor", "10.0.0.6");
        throttle.failed("editor", "10.0.0.7");
        assertEquals(Duration.ofSeconds(4), assertThrows(TooManyRequests.class, () -> throttle.check("editor", "10.0.0.9")).retryAfter());
        now = now.plusSeconds(4);
        assertDoesNotThrow(() -> throttle.check("editor", "10.0.0.9"));
        throttle.succeeded("editor");
        assertDoesNotThrow(() -> throttle.check("editor", "10.0.0.9"));
    }

    @Test
    void anAddressIsThrottledWhateverAccountsItTries() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < 20; i++) throttle.failed("guess" + i, "203.0.113.9");
        assertThrows(TooManyRequests.class, () -> throttle.check("someone", "203.0.113.9"));
        assertDoesNotThrow(() -> throttle.check("someone", "203.0.113.10"));
    }

    @Test
    void theWaitIsCappedAndOldFailuresAreForgotten() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < 60; i++) throttle.failed("target", "10.1.0." + i);
        assertEquals(SignInThrottle.LONGEST_WAIT, assertThrows(TooManyRequests.class, () -> throttle.check("target", "10.2.0.1")).retryAfter());
        now = now.plus(SignInThrottle.MEMORY).plusSeconds(1);
        assertDoesNotThrow(() -> throttle.check("target", "10.2.0.1"));
    }
}

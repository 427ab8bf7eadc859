package galley.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook settings (MicroProfile Config; durations in ISO-8601, e.g. {@code PT30S}). Tests shorten them
 * to see retries in seconds.
 */
@ApplicationScoped
public class WebhookSettings {

    /** The wait before the first retry; it doubles after each failed attempt, up to an hour. */
    @Inject
    @ConfigProperty(name = "galley.webhooks.first-retry", defaultValue = "PT30S")
    String firstRetry;

    /** Attempts in all before a delivery is given up as failed. */
    @Inject
    @ConfigProperty(name = "galley.webhooks.max-attempts", defaultValue = "10")
    int maxAttempts;

    /** How often each node looks for due deliveries. */
    @Inject
    @ConfigProperty(name = "galley.webhooks.poll-period", defaultValue = "PT1S")
    String pollPeriod;

    /** How long to wait to connect, and then for the answer's status line and headers. */
    @Inject
    @ConfigProperty(name = "galley.webhooks.timeout", defaultValue = "PT10S")
    String timeout;

    public RetrySchedule retries() {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalStateException("galley.webhooks.max-attempts must be between 1 and 100, not " + maxAttempts);
        }
        return new RetrySchedule(duration("galley.webhooks.first-retry", firstRetry), maxAttempts);
    }

    public Duration pollPeriod() {
        return duration("galley.webhooks.poll-period", pollPeriod);
    }

    public Duration timeout() {
        return duration("galley.webhooks.timeout", timeout);
    }

    private static Duration duration(String key, String value) {
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.toMillis() < 10) throw new IllegalStateException(key + " must be at least 10 ms, not " + value);
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT30S, not " + value, e);
        }
    }
}

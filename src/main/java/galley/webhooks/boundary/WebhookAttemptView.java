package galley.webhooks.boundary;

import galley.webhooks.entity.WebhookAttempt;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One try at a delivery. */
@Schema(name = "WebhookAttempt")
public record WebhookAttemptView(
        @Schema(description = "1 for the first try.", example = "1", required = true) int attempt,
        @Schema(required = true) Instant startedAt,
        @Schema(description = "Until the answer's status line and headers, or the error.", example = "84", required = true) int durationMs,
        @Schema(description = "The receiver's HTTP status; absent when there was no answer.", example = "200") Integer statusCode,
        @Schema(description = "Why there was no answer (refused, timed out, ...), shortened.") String error) {

    static WebhookAttemptView of(WebhookAttempt attempt) {
        return new WebhookAttemptView(attempt.getAttempt(), attempt.getStartedAt(), attempt.getDurationMs(), attempt.getStatusCode(),
                attempt.getError());
    }
}

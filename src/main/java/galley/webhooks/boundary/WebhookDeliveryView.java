package galley.webhooks.boundary;

import galley.webhooks.control.Webhooks;
import galley.webhooks.entity.WebhookDelivery;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event sent (or to be sent) to one endpoint, with its attempts. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
        @Schema(description = "Sent as X-Galley-Delivery.", required = true) UUID id,
        @Schema(description = "The event's id (the body's id), shared by the deliveries of one event.", required = true) UUID eventId,
        @Schema(enumeration = {"article.published", "article.updated", "article.unpublished", "article.deleted", "author.updated", "ping"},
                required = true) String event,
        @Schema(description = "PENDING: waiting for its next attempt; DELIVERED: answered 2xx; FAILED: no attempt succeeded.",
                enumeration = {"PENDING", "DELIVERED", "FAILED"}, required = true) String status,
        @Schema(description = "Attempts made so far.", example = "1", required = true) int attemptCount,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "When a pending delivery is tried next.") Instant nextAttemptAt,
        @Schema(description = "When it was delivered or given up.") Instant finishedAt,
        @Schema(description = "The last attempt's HTTP status.", example = "200") Integer lastStatusCode,
        @Schema(description = "The last attempt's error, when it had no answer.") String lastError,
        @Schema(description = "Every attempt, the first first.", required = true) List<WebhookAttemptView> attempts,
        // A JsonValue, not a JsonObject: the document's schema for it is "any JSON" (a JsonObject is also a Map).
        @Schema(description = "The body as sent: an ArticleEvent, AuthorEvent or PingEvent.", required = true) JsonValue payload) {

    static WebhookDeliveryView of(Webhooks.DeliveryLog log) {
        WebhookDelivery d = log.delivery();
        JsonValue payload;
        try (var reader = Json.createReader(new StringReader(d.getPayload()))) {
            payload = reader.readObject();
        }
        return new WebhookDeliveryView(d.getId(), d.getEventId(), d.getEventType(), d.getStatus().name(), d.getAttempts(), d.getCreatedAt(),
                d.getNextAttemptAt(), d.getFinishedAt(), d.getLastStatusCode(), d.getLastError(),
                log.attempts().stream().map(WebhookAttemptView::of).toList(), payload);
    }
}

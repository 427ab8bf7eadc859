package galley.webhooks.boundary;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a ping, sent when an admin asks to test an endpoint. */
@Schema(name = "PingEvent", description = "The body of a ping (POST /api/admin/webhooks/{id}/ping).")
public record PingEvent(
        @Schema(required = true) UUID id,
        @Schema(enumeration = {"ping"}, example = "ping", required = true) String type,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true) Data data) {

    @Schema(name = "PingEventData")
    public record Data(@Schema(description = "The endpoint pinged.", required = true) UUID webhookId) {
    }
}

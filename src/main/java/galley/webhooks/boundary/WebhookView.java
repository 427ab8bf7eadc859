package galley.webhooks.boundary;

import galley.text.control.HttpUrl;
import galley.webhooks.entity.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as admins see it: never its secret, which only its creation shows. */
@Schema(name = "Webhook")
public record WebhookView(
        @Schema(required = true) UUID id,
        @HttpUrl @Schema(required = true) String url,
        @Schema(required = true) List<String> events,
        String description,
        @Schema(required = true) boolean active,
        String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static WebhookView of(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.getId(), endpoint.getUrl(), endpoint.getEvents().stream().sorted().toList(),
                endpoint.getDescription(), endpoint.isActive(), endpoint.getCreatedBy(), endpoint.getCreatedAt(), endpoint.getUpdatedAt());
    }
}

package galley.webhooks.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new webhook endpoint with its signing secret: shown this once. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhookView(
        @Schema(required = true) WebhookView webhook,
        @Schema(description = "The key of X-Galley-Signature-256 (HMAC-SHA256 of the body). Not shown again.", required = true)
        String secret) {
}

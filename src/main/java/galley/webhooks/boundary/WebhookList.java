package galley.webhooks.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** All webhook endpoints, newest first. */
@Schema(name = "WebhookList")
public record WebhookList(@Schema(required = true) List<WebhookView> items) {
}

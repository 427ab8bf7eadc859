package galley.webhooks.boundary;

import galley.paging.control.Page;
import galley.webhooks.control.Webhooks;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of an endpoint's delivery log, newest first. */
@Schema(name = "WebhookDeliveryPage")
public record WebhookDeliveryPage(
        @Schema(required = true) List<WebhookDeliveryView> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static WebhookDeliveryPage of(Page<Webhooks.DeliveryLog> page) {
        return new WebhookDeliveryPage(page.items().stream().map(WebhookDeliveryView::of).toList(), page.page(), page.size(),
                page.total(), page.totalPages());
    }
}

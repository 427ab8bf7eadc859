package galley.webhooks.boundary;

import galley.text.control.HttpUrl;
import galley.webhooks.control.EventType;
import galley.webhooks.control.Webhooks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint to create, or its new settings. */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @NotBlank @Size(max = 2000) @HttpUrl
        @Schema(description = "Where deliveries are POSTed: an absolute http or https URL.", example = "https://build.example.org/hooks/galley",
                required = true) String url,
        @NotEmpty @Size(max = 5)
        @Schema(description = "The events to receive, each once.", example = "[\"article.published\", \"article.updated\"]", required = true)
        List<@NotNull @Size(max = 40) @Pattern(regexp = "^(" + EventType.SUBSCRIBABLE_PATTERN + ")$",
                message = "must be article.published, article.updated, article.unpublished, article.deleted or author.updated") String> events,
        @Size(max = 500) @Schema(description = "What the endpoint is for.", example = "Rebuild the static site") String description,
        @Schema(description = "Whether it receives events (default true). An inactive endpoint records no deliveries; "
                + "pending ones wait until it is active again.") Boolean active,
        @Size(min = 32, max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
        @Schema(description = "The key deliveries are signed with (32 to 200 printable ASCII characters). When creating, "
                + "Galley generates one when none is given; when replacing, absent keeps the current one.") String secret) {

    Webhooks.Fields toFields() {
        return new Webhooks.Fields(url, events, description, active, secret);
    }
}

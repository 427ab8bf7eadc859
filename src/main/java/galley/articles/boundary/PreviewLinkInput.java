package galley.articles.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long a preview link stays valid. */
@Schema(name = "PreviewLinkInput")
public record PreviewLinkInput(
        @Min(1) @Max(2_592_000) @Schema(description = "Seconds, 1 to 2592000 (30 days); 86400 (a day) when absent.", example = "3600")
        Integer validitySeconds) {
}

package galley.tags.boundary;

import galley.text.control.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag to create or rename. */
@Schema(name = "TagInput")
public record TagInput(
        @NotBlank @Size(max = 100) @Schema(example = "Central Asia", required = true) String name,
        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Derived from the name when absent.", example = "central-asia") String slug) {
}

package galley.revisions.boundary;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field that differs between two revisions, named as in the item's input (what a PUT takes). */
@Schema(name = "FieldChange")
public record FieldChangeView(
        @Schema(example = "title", required = true) String field,
        @Schema(description = "The value at the earlier revision; absent when the field had none.") JsonValue before,
        @Schema(description = "The value at the later revision; absent when the field has none.") JsonValue after) {
}

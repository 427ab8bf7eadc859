package galley.tags.boundary;

import galley.tags.entity.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag on an article. */
@Schema(name = "Tag")
public record TagView(
        @Schema(example = "csto", required = true) String slug,
        @Schema(example = "CSTO", required = true) String name) {

    public static TagView of(Tag tag) {
        return new TagView(tag.getSlug(), tag.getName());
    }
}

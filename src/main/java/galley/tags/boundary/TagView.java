package galley.tags.boundary;

import galley.tags.entity.Tag;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag on an article. */
@Schema(name = "Tag")
public record TagView(
        @Schema(example = "csto", required = true) String slug,
        @Schema(example = "CSTO", required = true) String name) {

    public static TagView of(Tag tag) {
        return new TagView(tag.getSlug(), tag.getName());
    }

    /**
     * An article's tags by slug: a set has no order of its own, and the same article must render to the
     * same bytes (and ETag) whether its tags came from a join, a batch or the second-level cache.
     */
    public static List<TagView> sorted(Collection<Tag> tags) {
        return tags.stream().sorted(Comparator.comparing(Tag::getSlug)).map(TagView::of).toList();
    }
}

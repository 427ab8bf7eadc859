package galley.tags.boundary;

import galley.tags.control.Tags;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag with the number of articles that carry it. */
@Schema(name = "TagWithCount")
public record TagCountView(
        @Schema(description = "Present for editors only.") UUID id,
        @Schema(example = "csto", required = true) String slug,
        @Schema(example = "CSTO", required = true) String name,
        @Schema(description = "Published articles (public API) or all articles (admin API) with this tag.", example = "3", required = true)
        long articles) {

    static TagCountView publicView(Tags.TagCount count) {
        return new TagCountView(null, count.tag().getSlug(), count.tag().getName(), count.articles());
    }

    static TagCountView adminView(Tags.TagCount count) {
        return new TagCountView(count.tag().getId(), count.tag().getSlug(), count.tag().getName(), count.articles());
    }
}

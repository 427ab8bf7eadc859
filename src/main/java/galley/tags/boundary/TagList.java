package galley.tags.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Tags with their article counts, by name. */
@Schema(name = "TagList")
public record TagList(@Schema(required = true) List<TagCountView> items) {
}

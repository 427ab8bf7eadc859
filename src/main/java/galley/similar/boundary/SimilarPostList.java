package galley.similar.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's similar posts, most similar first (pins at the positions editors gave them). */
@Schema(name = "SimilarPostList")
public record SimilarPostList(@Schema(required = true) List<SimilarPostView> items) {
}

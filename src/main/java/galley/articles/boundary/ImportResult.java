package galley.articles.boundary;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import created, in the order given. */
@Schema(name = "ImportResult")
public record ImportResult(@Schema(required = true) List<Created> created) {

    /** One imported article. */
    @Schema(name = "ImportedArticle")
    public record Created(@Schema(required = true) UUID id, @Schema(required = true) String slug,
                          @Schema(required = true) String language) {
    }
}

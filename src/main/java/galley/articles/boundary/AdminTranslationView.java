package galley.articles.boundary;

import galley.articles.control.Translation;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another version in the article's translation group, as editors see it. */
@Schema(name = "AdminTranslation")
public record AdminTranslationView(@Schema(required = true) UUID id, @Schema(required = true) String language,
                                   @Schema(required = true) String slug, @Schema(required = true) String title,
                                   @Schema(enumeration = {"DRAFT", "PUBLISHED"}, required = true) String status) {

    static AdminTranslationView of(Translation t) {
        return new AdminTranslationView(t.id(), t.language(), t.slug(), t.title(), t.status());
    }
}

package galley.articles.boundary;

import galley.articles.control.Translation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another language version of an article ("also available in"). */
@Schema(name = "Translation")
public record TranslationView(
        @Schema(example = "tr", required = true) String language,
        @Schema(example = "kgao-nun-kazakistan-tatbikatlari", required = true) String slug,
        @Schema(required = true) String title) {

    static TranslationView of(Translation t) {
        return new TranslationView(t.language(), t.slug(), t.title());
    }
}

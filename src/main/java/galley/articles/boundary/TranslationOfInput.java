package galley.articles.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The article whose translation group to join. */
@Schema(name = "TranslationOfInput")
public record TranslationOfInput(@NotNull @Schema(required = true) UUID articleId) {
}

package galley.articles.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Articles to import at once, all or none. */
@Schema(name = "ImportInput")
public record ImportInput(
        @NotEmpty @Size(max = 1000) @Schema(required = true) List<@NotNull @Valid ArticleInput> articles,
        @Schema(description = "Publish them at once (each needs a body and an author), else they are drafts.") boolean publish) {
}

package galley.authors.boundary;

import galley.authors.entity.Expertise;
import galley.i18n.control.LanguageTag;
import galley.i18n.control.Languages;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An area of expertise named in one language. */
@Schema(name = "Expertise")
public record ExpertiseView(
        @NotBlank @Size(max = Languages.MAX_LENGTH) @LanguageTag @Schema(example = "en", required = true) String language,
        @NotBlank @Size(max = 200) @Schema(example = "Central Asia", required = true) String name) {

    static ExpertiseView of(Expertise e) {
        return new ExpertiseView(e.getLanguage(), e.getName());
    }

    Expertise toEntity() {
        return new Expertise(language, name.strip());
    }
}

package galley.authors.boundary;

import static galley.text.control.Texts.blankToNull;

import galley.authors.entity.AuthorProfile;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's position, organisation and bio in one language. */
@Schema(name = "AuthorProfile")
public record ProfileInput(
        @Size(max = 200) @Schema(example = "Foreign Policy Expert") String position,
        @Size(max = 200) @Schema(example = "ANKASAM") String organisation,
        @Size(max = 20000) @Schema(description = "Plain text.") String bio) {

    static ProfileInput of(AuthorProfile p) {
        return new ProfileInput(p.getPosition(), p.getOrganisation(), p.getBio());
    }

    AuthorProfile toEntity() {
        return new AuthorProfile(blankToNull(position), blankToNull(organisation),
                blankToNull(bio));
    }
}

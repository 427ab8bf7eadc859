package galley.security.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new user. */
@Schema(name = "UserInput")
public record UserInput(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ - only")
        @Schema(example = "emrah.kaya", required = true) String username,
        @NotNull @Size(min = 12, max = 200)
        @Schema(description = "At least 12 characters; stored only as a PBKDF2 hash.", required = true, minLength = 12, maxLength = 200)
        String password,
        @Size(max = 200) @Schema(example = "Emrah Kaya") String displayName,
        @NotEmpty @Size(max = 3)
        @Schema(description = "admin: everything; editor: all content; author: own drafts.", required = true)
        Set<@NotNull @Size(max = 20) @Pattern(regexp = "admin|editor|author", message = "must be admin, editor or author") String> roles) {
}

package galley.security.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sign-in: user name and password. */
@Schema(name = "TokenRequest")
public record TokenRequest(
        @NotNull @Size(min = 1, max = 100) @Schema(example = "editor", required = true, maxLength = 100) String username,
        @NotNull @Size(min = 1, max = 200) @Schema(example = "correct horse battery staple", required = true, maxLength = 200) String password) {
}

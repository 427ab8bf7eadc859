package galley.security.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API token. */
@Schema(name = "ApiTokenInput")
public record ApiTokenInput(
        @NotBlank @Size(max = 100) @Schema(example = "static site build", required = true, maxLength = 100) String name,
        @NotNull @Size(max = 20) @Pattern(regexp = "read-drafts|write-content", message = "must be read-drafts or write-content")
        @Schema(description = "read-drafts: read all content, drafts included; write-content: also change it.",
                enumeration = {"read-drafts", "write-content"}, required = true) String scope,
        @Schema(description = "When it stops working; none: until revoked.", example = "2027-06-30T00:00:00Z") Instant expiresAt) {
}

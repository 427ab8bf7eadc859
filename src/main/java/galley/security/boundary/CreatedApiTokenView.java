package galley.security.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API token, with the token itself: shown this once, kept by Galley only as a hash. */
@Schema(name = "CreatedApiToken")
public record CreatedApiTokenView(
        @Schema(required = true) ApiTokenView token,
        @Schema(description = "Send as `Authorization: Bearer <secret>`. Not shown again.", required = true) String secret) {
}

package galley.security.boundary;

import galley.security.entity.ApiToken;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API token as admins see it: never the token itself, which only its creation shows. */
@Schema(name = "ApiToken")
public record ApiTokenView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(enumeration = {"read-drafts", "write-content"}, required = true) String scope,
        @Schema(description = "The token's first characters, to tell tokens apart.", example = "galley_Xy3_9a", required = true) String prefix,
        @Schema(required = true) String createdBy,
        @Schema(required = true) Instant createdAt,
        Instant expiresAt,
        @Schema(description = "The last request made with it.") Instant lastUsedAt,
        Instant revokedAt,
        @Schema(description = "Whether it lets its holder in now.", required = true) boolean active) {

    static ApiTokenView of(ApiToken token) {
        return new ApiTokenView(token.getId(), token.getName(), token.getScope().roleName(), token.getTokenPrefix(),
                token.getCreatedBy(), token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt(),
                token.isValidAt(Instant.now()));
    }
}

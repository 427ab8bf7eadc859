package galley.security.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sign-in token, in the shape of an OAuth 2.0 token response (RFC 6749, 5.1). */
@Schema(name = "TokenResponse")
public record TokenResponse(
        @JsonbProperty("access_token") @Schema(name = "access_token", description = "A signed JWT (RS256, MicroProfile JWT claims).", required = true) String accessToken,
        @JsonbProperty("token_type") @Schema(name = "token_type", example = "Bearer", required = true) String tokenType,
        @JsonbProperty("expires_in") @Schema(name = "expires_in", description = "Seconds until it expires.", example = "900", required = true) long expiresIn) {
}

package galley.articles.boundary;

import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed preview link: whoever holds it reads the article, in any status, until it expires. */
@Schema(name = "PreviewLink")
public record PreviewLinkView(
        @Schema(description = "GET it without credentials.", format = "uri", required = true) URI url,
        @Schema(required = true) String token,
        @Schema(required = true) Instant expiresAt) {
}

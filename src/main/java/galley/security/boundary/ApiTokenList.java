package galley.security.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** All API tokens, newest first, revoked ones included. */
@Schema(name = "ApiTokenList")
public record ApiTokenList(@Schema(required = true) List<ApiTokenView> items) {
}

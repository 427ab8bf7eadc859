package galley.security.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Users by name. */
@Schema(name = "UserList")
public record UserList(@Schema(required = true) List<UserView> items) {
}

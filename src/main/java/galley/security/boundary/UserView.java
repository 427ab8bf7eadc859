package galley.security.boundary;

import galley.security.entity.Role;
import galley.security.entity.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as admins see it; never the password or its hash. */
@Schema(name = "User")
public record UserView(UUID id, String username, String displayName, List<String> roles, Instant createdAt) {

    static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getDisplayName(),
                user.getRoles().stream().map(Role::roleName).sorted().toList(), user.getCreatedAt());
    }
}

package galley.security.control;

import java.security.Principal;
import java.util.Set;

/** Who a request acts for once its bearer token is checked: a user (their current roles) or an API token (its scope). */
public record Caller(String name, Set<String> roles) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean isInRole(String role) {
        return roles.contains(role);
    }
}

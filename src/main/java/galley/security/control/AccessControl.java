package galley.security.control;

import galley.errors.control.AccessDenied;
import galley.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * Permission checks for the services, so no path reaches data around them: every admin operation
 * names the roles it needs.
 */
@ApplicationScoped
public class AccessControl {

    /** Set while Galley itself acts (start-up tasks), never on a request thread. */
    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

    @Inject
    SecurityContext security;

    /**
     * Runs {@code work} as Galley itself, with every permission: for start-up tasks such as loading the
     * demo content, which no signed-in user triggers.
     */
    public static <T> T asSystem(java.util.function.Supplier<T> work) {
        boolean outer = SYSTEM.get();
        SYSTEM.set(true);
        try {
            return work.get();
        } finally {
            SYSTEM.set(outer);
        }
    }

    /** Passes when the caller has one of {@code roles}; otherwise 401 for anonymous callers, 403 for others. */
    public void require(String action, Role... roles) {
        if (SYSTEM.get()) return;
        Principal caller = security.getCallerPrincipal();
        if (caller == null) throw AccessDenied.unauthenticated();
        for (Role role : roles) {
            if (security.isCallerInRole(role.roleName())) return;
        }
        throw AccessDenied.forbidden(action);
    }

    public void requireEditor(String action) {
        require(action, Role.EDITOR, Role.ADMIN);
    }

    public void requireAdmin(String action) {
        require(action, Role.ADMIN);
    }

    /** The signed-in user's name, or null for anonymous callers. */
    public String callerName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }
}

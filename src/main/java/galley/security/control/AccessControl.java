package galley.security.control;

import galley.errors.control.AccessDenied;
import galley.security.entity.Role;
import galley.security.entity.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Permission checks for the services, so no path reaches data around them: every admin operation
 * names the roles it needs.
 */
@ApplicationScoped
public class AccessControl {

    /** Set while Galley itself acts (start-up tasks), never on a request thread. */
    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

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
        require(action, roles, new Scope[0]);
    }

    private void require(String action, Role[] roles, Scope[] scopes) {
        if (SYSTEM.get()) return;
        Caller caller = CallerContext.current();
        if (caller == null) throw AccessDenied.unauthenticated();
        for (Role role : roles) {
            if (caller.isInRole(role.roleName())) return;
        }
        for (Scope scope : scopes) {
            if (caller.isInRole(scope.roleName())) return;
        }
        throw AccessDenied.forbidden(action);
    }

    /** Changing content: editors, admins and tokens with the write-content scope. */
    public void requireEditor(String action) {
        require(action, new Role[] {Role.EDITOR, Role.ADMIN}, new Scope[] {Scope.WRITE_CONTENT});
    }

    /** Reading content as editors see it, drafts included: editors, admins and content tokens. */
    public void requireReader(String action) {
        require(action, new Role[] {Role.EDITOR, Role.ADMIN}, new Scope[] {Scope.READ_DRAFTS, Scope.WRITE_CONTENT});
    }

    public void requireAdmin(String action) {
        require(action, Role.ADMIN);
    }

    /**
     * Whether the caller acts as an author only: signed in with the author role and no right to all
     * content, so limited to their own drafts.
     */
    public boolean authorOnly() {
        Caller caller = CallerContext.current();
        if (SYSTEM.get() || caller == null) return false;
        return caller.isInRole(Role.AUTHOR.roleName()) && !caller.isInRole(Role.EDITOR.roleName())
                && !caller.isInRole(Role.ADMIN.roleName()) && !caller.isInRole(Scope.READ_DRAFTS.roleName())
                && !caller.isInRole(Scope.WRITE_CONTENT.roleName());
    }

    /** The signed-in user's name, or null for anonymous callers. */
    public String callerName() {
        if (SYSTEM.get()) return null;
        Caller caller = CallerContext.current();
        return caller == null ? null : caller.name();
    }
}

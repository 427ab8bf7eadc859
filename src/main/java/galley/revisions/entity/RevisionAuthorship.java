package galley.revisions.entity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.hibernate.envers.RevisionListener;

/**
 * Stamps each revision with the signed-in user. Envers creates this listener itself and Payara gives
 * Hibernate no CDI bean manager, so the security context is looked up rather than injected; threads
 * with no caller (the scheduler, start-up tasks) are Galley's own changes.
 */
public class RevisionAuthorship implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ((Revision) revisionEntity).setChangedBy(caller());
    }

    private static String caller() {
        try {
            Principal principal = CDI.current().select(SecurityContext.class).get().getCallerPrincipal();
            if (principal != null && principal.getName() != null) return principal.getName();
        } catch (RuntimeException noRequest) {
            // no security context on this thread: not a user's request
        }
        return Revision.SYSTEM;
    }
}

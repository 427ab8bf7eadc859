package galley.revisions.entity;

import galley.security.control.Caller;
import galley.security.control.CallerContext;
import org.hibernate.envers.RevisionListener;

/**
 * Stamps each revision with the signed-in user. Envers creates this listener itself, so the caller is read
 * from the thread ({@link CallerContext}); threads with no caller (the scheduler, start-up tasks) are
 * Galley's own changes.
 */
public class RevisionAuthorship implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        Caller caller = CallerContext.current();
        ((Revision) revisionEntity).setChangedBy(caller == null || caller.name() == null ? Revision.SYSTEM : caller.name());
    }
}

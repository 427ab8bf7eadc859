package galley.audit.control;

import galley.audit.entity.AuditEntry;
import galley.database.control.GalleyUnit;
import galley.paging.control.Page;
import galley.paging.control.PageRequest;
import galley.security.control.AccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The audit log: written after each admin action, in its own transaction; read by admins only. */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    AccessControl access;

    /** Records an action; a failure to record is logged, never the caller's problem. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String method, String path, String target, int status,
                       String clientAddress, String requestId) {
        try {
            em.persist(new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MICROS), clip(actor, 100), clip(action, 120),
                    clip(method, 10), clip(path, 500), clip(target, 100), status, clip(clientAddress, 64), clip(requestId, 64)));
            em.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record " + method + " " + path + " by " + actor + " (request " + requestId + ")", e);
        }
    }

    /** Newest first, optionally by one actor. */
    @Transactional
    public Page<AuditEntry> page(String actor, PageRequest request) {
        access.requireAdmin("read the audit log");
        String where = actor == null ? "" : " where e.actor = :actor";
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        TypedQuery<AuditEntry> items = em.createQuery("select e from AuditEntry e" + where + " order by e.occurredAt desc, e.id desc", AuditEntry.class);
        if (actor != null) {
            count.setParameter("actor", actor);
            items.setParameter("actor", actor);
        }
        long total = count.getSingleResult();
        List<AuditEntry> entries = total == 0 ? List.of()
                : items.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return new Page<>(entries, request.page(), request.size(), total);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

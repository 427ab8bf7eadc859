package galley.revisions.control;

import galley.database.control.GalleyUnit;
import galley.errors.control.NotFound;
import galley.paging.control.Page;
import galley.paging.control.PageRequest;
import galley.revisions.entity.Revision;
import galley.security.control.AccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;

/**
 * Reads the revision history Envers keeps of an audited type (articles, authors): the revisions of one
 * item, newest first, and the item as it was at one of them. Restoring is the owning service's job, so
 * the restore goes through the same checks as any other change.
 */
@ApplicationScoped
@Transactional
public class Revisions {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    AccessControl access;

    /** The revisions of {@code id}, newest first; 404 when it never existed. */
    public <T> Page<RevisionEntry> history(Class<T> type, String noun, UUID id, PageRequest request, ToLongFunction<T> version) {
        access.requireReader("read revisions");
        Number total = (Number) ofItem(type, id).addProjection(AuditEntity.revisionNumber().count()).getSingleResult();
        if (total.longValue() == 0) throw new NotFound(noun + " with revisions", id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ofItem(type, id).addOrder(AuditEntity.revisionNumber().desc())
                .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        List<RevisionEntry> entries = rows.stream().map(row -> entry(type.cast(row[0]), row, version)).toList();
        return new Page<>(entries, request.page(), request.size(), total.longValue());
    }

    /**
     * {@code id} as it was at revision {@code number}, with {@code load} run on it while its lazy
     * collections can still be read; 404 when that revision did not touch it.
     */
    public <T> Snapshot<T> at(Class<T> type, String noun, UUID id, long number, ToLongFunction<T> version, Consumer<T> load) {
        access.requireReader("read revisions");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ofItem(type, id).add(AuditEntity.revisionNumber().eq(number)).getResultList();
        if (rows.isEmpty()) throw new NotFound("revision of " + noun + " " + id, number);
        RevisionEntry entry = entry(type.cast(rows.get(0)[0]), rows.get(0), version);
        if (entry.kind() == RevisionEntry.Kind.DELETED) {
            // Envers reads no collections at a deletion: the content is that of the revision before it.
            Number before = (Number) ofItem(type, id).add(AuditEntity.revisionNumber().lt(number))
                    .addProjection(AuditEntity.revisionNumber().max()).getSingleResult();
            if (before != null) {
                T item = reader().find(type, id, before);
                load.accept(item);
                return new Snapshot<>(entry, item);
            }
        }
        T item = type.cast(rows.get(0)[0]);
        load.accept(item);
        return new Snapshot<>(entry, item);
    }

    /** The newest revision of {@code id}, or 404. */
    public <T> Snapshot<T> latest(Class<T> type, String noun, UUID id, ToLongFunction<T> version, Consumer<T> load) {
        access.requireReader("read revisions");
        Number newest = (Number) ofItem(type, id).addProjection(AuditEntity.revisionNumber().max()).getSingleResult();
        if (newest == null) throw new NotFound(noun + " with revisions", id);
        return at(type, noun, id, newest.longValue(), version, load);
    }

    private AuditReader reader() {
        return AuditReaderFactory.get(em);
    }

    private AuditQuery ofItem(Class<?> type, UUID id) {
        // selectDeletedEntities: a deletion is part of the history.
        return reader().createQuery().forRevisionsOfEntity(type, false, true).add(AuditEntity.id().eq(id));
    }

    private static <T> RevisionEntry entry(T item, Object[] row, ToLongFunction<T> version) {
        Revision revision = (Revision) row[1];
        RevisionEntry.Kind kind = switch ((RevisionType) row[2]) {
            case ADD -> RevisionEntry.Kind.CREATED;
            case MOD -> RevisionEntry.Kind.CHANGED;
            case DEL -> RevisionEntry.Kind.DELETED;
        };
        return new RevisionEntry(revision.getId(), revision.getChangedAt(), revision.getChangedBy(), kind, version.applyAsLong(item));
    }
}

package galley.similar.control;

import galley.database.control.GalleyUnit;
import galley.similar.entity.RecomputeJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** The recompute jobs' rows, each change in a transaction of its own so progress is visible at once. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RecomputeJobStore {

    @Inject
    @GalleyUnit
    EntityManager em;

    public RecomputeJob create(int total) {
        RecomputeJob job = new RecomputeJob(UUID.randomUUID(), total, Instant.now());
        em.persist(job);
        return job;
    }

    public RecomputeJob running() {
        return em.createQuery("select j from RecomputeJob j where j.status = :running", RecomputeJob.class)
                .setParameter("running", RecomputeJob.Status.RUNNING).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    public RecomputeJob latest() {
        return em.createQuery("select j from RecomputeJob j order by j.startedAt desc", RecomputeJob.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    public RecomputeJob find(UUID id) {
        return em.find(RecomputeJob.class, id);
    }

    public void progress(UUID id, int done) {
        RecomputeJob job = em.find(RecomputeJob.class, id);
        if (job != null && done > job.getDone()) job.progress(done);
    }

    public void finish(UUID id, int done, RecomputeJob.Status status, String message) {
        RecomputeJob job = em.find(RecomputeJob.class, id);
        if (job == null) return;
        job.progress(done);
        job.finish(status, message, Instant.now());
    }

    /** Jobs a stopped server left running cannot finish: mark them failed. */
    public int abandonRunning() {
        return em.createQuery("update RecomputeJob j set j.status = :failed, j.message = 'interrupted by a restart', "
                        + "j.finishedAt = :now where j.status = :running")
                .setParameter("failed", RecomputeJob.Status.FAILED)
                .setParameter("running", RecomputeJob.Status.RUNNING)
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    public boolean articleExists(UUID id) {
        return em.createQuery("select count(a) from Article a where a.id = :id", Long.class)
                .setParameter("id", id).getSingleResult() > 0;
    }

    /** Whether any article has computed similar posts yet. */
    public boolean anyComputed() {
        return !em.createQuery("select sp.articleId from SimilarPost sp where sp.pinned = false", UUID.class)
                .setMaxResults(1).getResultList().isEmpty();
    }
}

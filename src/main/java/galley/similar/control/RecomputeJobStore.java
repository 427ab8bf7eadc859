package galley.similar.control;

import galley.database.control.GalleyUnit;
import galley.similar.entity.RecomputeJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The recompute jobs' rows, each change in a transaction of its own so progress is visible at once. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RecomputeJobStore {

    /** How long a running job may go without a heartbeat before it counts as abandoned. */
    static final Duration STALE = Duration.ofMinutes(2);

    @Inject
    @GalleyUnit
    EntityManager em;

    public RecomputeJob create(int total) {
        RecomputeJob job = new RecomputeJob(UUID.randomUUID(), total, Instant.now());
        em.persist(job);
        return job;
    }

    public RecomputeJob running() {
        abandonStale();
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
        if (job != null && done >= job.getDone()) job.progress(done, Instant.now());
    }

    public void finish(UUID id, int done, RecomputeJob.Status status, String message) {
        RecomputeJob job = em.find(RecomputeJob.class, id);
        if (job == null) return;
        job.progress(done, Instant.now());
        job.finish(status, message, Instant.now());
    }

    /**
     * Jobs whose node stopped working on them (a restart, a crash, {@code kill -9}) cannot finish: marked failed
     * once their heartbeat is older than {@link #STALE}, by any node. A job another node is running beats every
     * few seconds and is left alone.
     */
    public int abandonStale() {
        Instant now = Instant.now();
        return em.createQuery("update RecomputeJob j set j.status = :failed, j.message = 'its node stopped working on it', "
                        + "j.finishedAt = :now where j.status = :running and (j.heartbeatAt is null or j.heartbeatAt < :stale)")
                .setParameter("failed", RecomputeJob.Status.FAILED)
                .setParameter("running", RecomputeJob.Status.RUNNING)
                .setParameter("now", now)
                .setParameter("stale", now.minus(STALE))
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

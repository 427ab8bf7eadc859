package galley.similar.control;

import galley.errors.control.NotFound;
import galley.security.control.AccessControl;
import galley.similar.entity.RecomputeJob;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Recomputing every article's similar posts in the background, with progress kept in the database.
 * Two passes: the first gives every article a list, the second re-ranks each with its candidates' lists
 * (the engine's neighbourhood smoothing needs them). Two workers share each pass.
 */
@ApplicationScoped
public class RecomputeJobs {

    private static final Logger LOG = Logger.getLogger(RecomputeJobs.class.getName());
    static final int WORKERS = 2;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SimilarPosts similar;

    @Inject
    RecomputeJobStore store;

    @Inject
    AccessControl access;

    private final java.util.concurrent.atomic.AtomicBoolean rerun = new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts a full recomputation for an editor, or returns the one already running. */
    public RecomputeJob start() {
        access.requireEditor("recompute similar posts");
        return startAsSystem();
    }

    public synchronized RecomputeJob startAsSystem() {
        RecomputeJob running = store.running();
        if (running != null) return running;
        List<UUID> ids = similar.allArticleIds();
        RecomputeJob job = store.create(ids.size() * 2);
        executor.execute(() -> run(job.getId(), ids));
        return job;
    }

    /**
     * A full recomputation as soon as possible: now, or after the running one, which may have started
     * before the articles that need it existed.
     */
    public synchronized void requestFull() {
        if (store.running() == null) startAsSystem();
        else rerun.set(true);
    }

    /** The most recent job, or null. */
    public RecomputeJob latest() {
        access.requireEditor("recompute similar posts");
        return store.latest();
    }

    public RecomputeJob get(UUID id) {
        access.requireEditor("recompute similar posts");
        RecomputeJob job = store.find(id);
        if (job == null) throw new NotFound("recompute job", id);
        return job;
    }

    /** Recomputes one article's list now, for an editor. */
    public int recomputeOne(UUID articleId) {
        access.requireEditor("recompute similar posts");
        if (!store.articleExists(articleId)) throw new NotFound("article", articleId);
        return similar.recompute(articleId);
    }

    private void run(UUID jobId, List<UUID> ids) {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        try {
            for (int pass = 1; pass <= 2; pass++) {
                AtomicInteger next = new AtomicInteger();
                CompletableFuture<?>[] workers = new CompletableFuture<?>[WORKERS];
                for (int w = 0; w < WORKERS; w++) {
                    workers[w] = CompletableFuture.runAsync(() -> {
                        for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                            similar.recompute(ids.get(i));
                            int n = done.incrementAndGet();
                            if (n % 100 == 0) {
                                store.progress(jobId, n);
                                LOG.info(() -> "Similar posts: " + n + " of " + ids.size() * 2 + " computed");
                            }
                        }
                    }, executor);
                }
                CompletableFuture.allOf(workers).join();
            }
            store.finish(jobId, done.get(), RecomputeJob.Status.DONE, null);
            LOG.info(() -> "Similar posts of " + ids.size() + " articles recomputed in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (rerun.getAndSet(false)) startAsSystem();
        } catch (RuntimeException e) {
            store.finish(jobId, done.get(), RecomputeJob.Status.FAILED, String.valueOf(e.getMessage()));
            LOG.log(java.util.logging.Level.SEVERE, "Recomputing similar posts failed", e);
        }
    }
}

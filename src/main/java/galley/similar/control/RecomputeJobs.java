package galley.similar.control;

import galley.configuration.control.PlatformResources;
import galley.errors.control.NotFound;
import galley.security.control.AccessControl;
import galley.similar.entity.RecomputeJob;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Recomputing every article's similar posts in the background, with progress kept in the database: the
 * candidates and base similarities of every article on one index snapshot (two workers), the smoothing
 * passes in memory ({@link FullRecompute}), then the lists with their "why" stored in batches.
 */
@ApplicationScoped
public class RecomputeJobs {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private final AtomicLong lastRecorded = new AtomicLong(System.nanoTime());

    private static final Logger LOG = Logger.getLogger(RecomputeJobs.class.getName());
    static final int WORKERS = 2;
    /** Articles whose lists are stored in one transaction. */
    static final int STORE_BATCH = 100;
    /** Articles whose candidates one worker finds with one scratch space. */
    static final int NEIGHBOUR_BATCH = 500;

    ManagedExecutorService executor;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        executor = PlatformResources.executor();
    }

    @Inject
    SimilarPosts similar;

    @Inject
    SimilarityIndex index;

    @Inject
    SimilarityMemory memory;

    @Inject
    RecomputeJobStore store;

    @Inject
    AccessControl access;

    @Inject
    galley.search.control.SearchBackend backend;

    /** Starts a full recomputation for an editor, or returns the one already running. */
    public RecomputeJob start() {
        access.requireEditor("recompute similar posts");
        if (!backend.reachable()) {
            throw new galley.errors.control.Unavailable("Recomputing similar posts is not available: the search index cannot be reached. "
                    + "Try again later.", galley.search.control.SearchBackend.RETRY_AFTER);
        }
        return startAsSystem();
    }

    public synchronized RecomputeJob startAsSystem() {
        RecomputeJob running = store.running();
        if (running != null) return running;
        List<SimilarPosts.Source> sources = similar.sources();
        RecomputeJob job = store.create(sources.size() * 3);
        executor.execute(() -> run(job.getId(), sources));
        return job;
    }

    /**
     * Starts a full recomputation unless one is running (it may have read the collection before the changes
     * that ask for this one: the caller asks again later). Imports ask through the queue
     * ({@link SimilarMaintenance}), not after each request of a bulk import: they must pause for
     * {@link galley.articles.control.ImportActivity#QUIET}.
     */
    public synchronized boolean startUnlessRunning() {
        if (store.running() != null) return false;
        startAsSystem();
        return true;
    }

    /** The most recent job, or null. */
    public RecomputeJob latest() {
        access.requireReader("read recomputations");
        return store.latest();
    }

    public RecomputeJob get(UUID id) {
        access.requireReader("read recomputations");
        RecomputeJob job = store.find(id);
        if (job == null) throw new NotFound("recompute job", id);
        return job;
    }

    /** One article's list, recomputed and stored now; how many entries it got and how long that took. */
    public Recomputed recomputeOne(UUID articleId) {
        access.requireEditor("recompute similar posts");
        if (!store.articleExists(articleId)) throw new NotFound("article", articleId);
        long started = System.nanoTime();
        int entries = similar.recompute(articleId); // its own transaction: the time includes the commit
        return new Recomputed(entries, java.time.Duration.ofNanos(System.nanoTime() - started));
    }

    public record Recomputed(int entries, java.time.Duration took) {
    }

    private void run(UUID jobId, List<SimilarPosts.Source> sources) {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int total = sources.size() * 3;
        try {
            long merging = System.nanoTime();
            index.mergeSegments();
            LOG.info(() -> "Similar posts: index segments merged in " + (System.nanoTime() - merging) / 1_000_000 + " ms");
            long since = memory.mark();
            index.withSnapshot(models -> {
                FullRecompute full = new FullRecompute(sources);
                long vectoring = System.nanoTime();
                inParallel(sources.size(), 1, models, (model, from, to) -> {
                    SimilarPosts.Source s = full.source(from);
                    full.vector(from, model.vector(s.id(), s.language()));
                    progress(jobId, done.incrementAndGet(), 1, total);
                });
                long vectored = System.nanoTime();
                VectorNeighbours neighbours = full.neighbours();
                long indexed = System.nanoTime();
                LOG.info(() -> "Similar posts: vectors of " + sources.size() + " articles in " + (vectored - vectoring) / 1_000_000
                        + " ms, candidate index in " + (indexed - vectored) / 1_000_000 + " ms");
                inParallel(sources.size(), NEIGHBOUR_BATCH, models, (model, from, to) -> {
                    VectorNeighbours.Search search = neighbours.search();
                    for (int i = from; i < to; i++) full.base(i, search.of(i, FullRecompute.KEPT));
                    progress(jobId, done.addAndGet(to - from), to - from, total);
                });
                long based = System.nanoTime();
                List<List<SimilarityModel.Ranked>> lists = full.rank(SimilarityModel.GAMMA, SimilarPosts.MAX);
                memory.remember(full, neighbours, since);
                LOG.info(() -> "Similar posts: candidates of " + sources.size() + " articles in "
                        + (based - indexed) / 1_000_000 + " ms, ranked in " + (System.nanoTime() - based) / 1_000_000 + " ms");
                inParallel(sources.size(), STORE_BATCH, models, (model, from, to) -> {
                    List<SimilarPosts.Computed> batch = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        SimilarPosts.Source s = full.source(i);
                        List<SimilarityModel.Ranked> ranked = lists.get(i);
                        batch.add(new SimilarPosts.Computed(s.id(), ranked,
                                model.why(s.id(), s.language(), ranked.stream().map(SimilarityModel.Ranked::id).toList())));
                    }
                    similar.storeAll(batch);
                    progress(jobId, done.addAndGet(to - from), to - from, total);
                });
                return null;
            });
            store.finish(jobId, done.get(), RecomputeJob.Status.DONE, null);
            LOG.info(() -> "Similar posts of " + sources.size() + " articles recomputed in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            store.finish(jobId, done.get(), RecomputeJob.Status.FAILED, String.valueOf(e.getMessage()));
            LOG.log(java.util.logging.Level.SEVERE, "Recomputing similar posts failed", e);
        }
    }

    private interface Chunk {
        void run(SimilarityModel model, int from, int to);
    }

    /** Runs {@code chunk} over [0, n) in slices of {@code size}, on {@link #WORKERS} workers with a model each. */
    private void inParallel(int n, int size, java.util.function.Supplier<SimilarityModel> models, Chunk chunk) {
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<?>[] workers = new CompletableFuture<?>[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            workers[w] = CompletableFuture.runAsync(() -> {
                SimilarityModel model = models.get();
                for (int from = next.getAndAdd(size); from < n; from = next.getAndAdd(size)) {
                    chunk.run(model, from, Math.min(n, from + size));
                }
            }, executor);
        }
        CompletableFuture.allOf(workers).join();
    }

    /**
     * Records progress each time {@code done} (just advanced by {@code step}) passes a multiple of 500, and at
     * least every {@link #HEARTBEAT}: the record is also the heartbeat that keeps other nodes from abandoning the job.
     */
    private void progress(UUID jobId, int done, int step, int total) {
        long now = System.nanoTime();
        long last = lastRecorded.get();
        boolean due = now - last >= HEARTBEAT.toNanos() && lastRecorded.compareAndSet(last, now);
        if (done / 500 != (done - step) / 500 || done == total || due) {
            store.progress(jobId, done);
            LOG.info(() -> "Similar posts: " + done + " of " + total + " steps done");
        }
    }
}

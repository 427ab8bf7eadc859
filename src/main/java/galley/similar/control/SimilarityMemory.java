package galley.similar.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node keeps of the last full recomputation, so that recomputing one article needs no
 * MoreLikeThis query: the candidate index over every article's vector ({@link VectorNeighbours}) and the
 * articles changed since (with their fresh vectors, searched one by one next to the index). Until a full
 * recomputation ran on this node, single recomputations use MoreLikeThis.
 *
 * <p>Changes made through other nodes: before it is used, the memory asks the database for the articles
 * updated since it last looked ({@link #lookFrom()}, {@link ChangeWatermark}) and takes in the ones it does
 * not know in that version ({@link SimilarPosts#recompute}). Why a watermark on {@code article.updated_at}:
 * every change that alters an article's vector sets it, in the change's own transaction, so no writer has to
 * publish anything more and the look is one indexed range query, cheap enough before every recomputation.
 * A deletion leaves no row to find; the memory may then offer a deleted article, which
 * {@link SimilarPosts#recompute} drops (it keeps published candidates only) and reads filter out too. The
 * candidates' lists (smoothing) are read from the database, the one copy every node writes.
 */
@ApplicationScoped
public class SimilarityMemory {

    /** Above this many changes since the full run (each scored one by one), forget the index until the next full run. */
    static final int MAX_CHANGED = 2_000;

    /**
     * A full run's index. {@code stale} marks its articles changed since (a benign race: a reader may see
     * a mark a moment late); {@code searches} pools the scratch space of queries (an accumulator per article).
     */
    private record Snapshot(VectorNeighbours neighbours, List<SimilarPosts.Source> sources, Map<UUID, Integer> indexOf,
                            Map<String, Integer> languages, Map<UUID, Integer> groups, boolean[] stale,
                            java.util.Queue<VectorNeighbours.Search> searches) {
    }

    /** An article changed since the full run: its vector now (empty when it is no longer a candidate). */
    private record Changed(long tick, DocVector vector, String language, UUID group, boolean candidate) {
    }

    /** Orders records against the start of a full run, which reads the collection from then on. */
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot snapshot;
    private final Map<UUID, Changed> changed = new ConcurrentHashMap<>();
    /** Which articles' changes this memory holds, and from when to look for others (null: no full run to go by). */
    private final ChangeWatermark watermark = new ChangeWatermark();
    private volatile java.time.Instant markedAt;

    /** Called as a full run starts: what is recorded after this is newer than what the run reads. */
    long mark() {
        markedAt = java.time.Instant.now();
        return clock.incrementAndGet();
    }

    /**
     * Keeps what a full recomputation that started at {@code since} (see {@link #mark()}) built. Changes
     * recorded after its start stay; articles updated since then are looked at again.
     */
    void remember(FullRecompute full, VectorNeighbours neighbours, long since) {
        Map<UUID, Integer> indexOf = new HashMap<>();
        List<SimilarPosts.Source> sources = new ArrayList<>(full.size());
        for (int i = 0; i < full.size(); i++) {
            sources.add(full.source(i));
            indexOf.put(full.source(i).id(), i);
        }
        changed.values().removeIf(c -> c.tick() < since);
        boolean[] stale = new boolean[sources.size()];
        changed.keySet().forEach(id -> {
            Integer at = indexOf.get(id);
            if (at != null) stale[at] = true;
        });
        snapshot = new Snapshot(neighbours, sources, indexOf, Map.copyOf(full.languages), Map.copyOf(full.groups),
                stale, new java.util.concurrent.ConcurrentLinkedQueue<>());
        java.time.Instant started = markedAt;
        watermark.start(started == null ? java.time.Instant.now() : started);
    }

    /** Forgets everything: the memory grew stale (too many changes to score one by one). */
    void clear() {
        snapshot = null;
        changed.clear();
        watermark.stop();
    }

    /** Articles updated after this may be unknown to the memory; null when it has nothing to keep current. */
    java.time.Instant lookFrom() {
        return snapshot == null ? null : watermark.from();
    }

    /** The bookkeeping of what the memory has taken in (see {@link ChangeWatermark}). */
    ChangeWatermark watermark() {
        return watermark;
    }

    /**
     * Records an article's state after a recomputation: {@code indexed} is its vector as a full run builds
     * it (to tell whether the index still has it right), {@code vector} the complete one it is compared by
     * when it changed; null vectors mean it is gone.
     */
    void changed(UUID id, DocVector indexed, DocVector vector, String language, UUID group, boolean published) {
        Snapshot s = snapshot;
        if (s == null) return;
        Integer at = s.indexOf().get(id);
        if (at != null && published && indexed != null && s.neighbours().holds(at, indexed, code(s.languages(), language),
                group == null ? -1 - at : code(s.groups(), group))) {
            // Recomputed but not changed: the index has it right.
            changed.remove(id);
            s.stale()[at] = false;
            return;
        }
        if (at != null) s.stale()[at] = true;
        changed.put(id, new Changed(clock.incrementAndGet(), vector == null ? DocVector.EMPTY : vector, language, group,
                published && vector != null));
        if (changed.size() > MAX_CHANGED) clear();
    }

    private static <K> int code(Map<K, Integer> codes, K key) {
        Integer code = key == null ? null : codes.get(key);
        return code == null ? Integer.MIN_VALUE : code;
    }

    /**
     * The {@code limit} articles most similar to {@code vector} (of article {@code id}) by cosine, best
     * first, among published articles of {@code language} outside {@code group}; null when this node has
     * no full recomputation to go by.
     */
    List<SimilarityModel.Candidate> candidates(UUID id, DocVector vector, String language, UUID group, int limit) {
        Snapshot s = snapshot;
        if (s == null) return null;
        List<SimilarityModel.Candidate> found = new ArrayList<>();
        Integer lang = s.languages().get(language);
        if (lang != null) {
            Integer self = s.indexOf().get(id);
            int grp = group == null ? Integer.MIN_VALUE : s.groups().getOrDefault(group, Integer.MIN_VALUE);
            // Articles changed since the index was built are left out of it and scored below instead.
            int me = self == null ? -1 : self;
            boolean[] stale = s.stale();
            VectorNeighbours.Search search = s.searches().poll();
            if (search == null) search = s.neighbours().search();
            VectorNeighbours.Neighbours fromIndex = search.of(vector, lang, grp, d -> d == me || stale[d], limit);
            s.searches().offer(search);
            for (int k = 0; k < fromIndex.docs().length; k++) {
                found.add(new SimilarityModel.Candidate(s.sources().get(fromIndex.docs()[k]).id(), fromIndex.similarities()[k]));
            }
        }
        DocVector.Probe probe = vector.probe();
        changed.forEach((other, c) -> {
            if (!c.candidate() || other.equals(id) || !c.language().equals(language)
                    || (group != null && group.equals(c.group()))) return;
            double cosine = probe.dot(c.vector());
            if (cosine > 0) found.add(new SimilarityModel.Candidate(other, cosine));
        });
        found.sort(java.util.Comparator.comparingDouble(SimilarityModel.Candidate::similarity).reversed()
                .thenComparing(SimilarityModel.Candidate::id));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }
}

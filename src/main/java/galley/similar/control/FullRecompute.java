package galley.similar.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engine's passes over a whole collection, in memory: every article's candidates and base
 * similarities once, then the neighbourhood smoothing {@link #PASSES} times over compact arrays, with no
 * database round trip between passes. Holds about a kilobyte per article.
 */
final class FullRecompute {

    /** Smoothing passes after the base one; quality stops improving after two to three. */
    static final int PASSES = 3;
    /** Threads of the ranking passes. */
    private static final int WORKERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** Candidates kept per article after the base pass: the ones the smoothing can reach. */
    static final int KEPT = 100;

    private final int kept;
    private final int passes;
    private final List<SimilarPosts.Source> sources;
    private final Map<UUID, Integer> indexOf = new HashMap<>();
    /** Per article: candidate indexes, sorted by index, and their base similarities. */
    private final int[][] candidates;
    private final float[][] similarities;
    /** Numbers standing for languages and translation groups in {@link #neighbours()}. */
    final Map<String, Integer> languages = new HashMap<>();
    final Map<UUID, Integer> groups = new HashMap<>();
    /** Per article, its document vector: the input of {@link #neighbours()}. */
    private final DocVector[] vectors;

    FullRecompute(List<SimilarPosts.Source> sources) {
        this(sources, KEPT, PASSES);
    }

    FullRecompute(List<SimilarPosts.Source> sources, int kept, int passes) {
        this.kept = kept;
        this.passes = passes;
        this.sources = sources;
        for (int i = 0; i < sources.size(); i++) indexOf.put(sources.get(i).id(), i);
        this.candidates = new int[sources.size()][];
        this.similarities = new float[sources.size()][];
        this.vectors = new DocVector[sources.size()];
    }

    /** Records article {@code i}'s vector; safe to call from several threads for different articles. */
    void vector(int i, DocVector vector) {
        vectors[i] = vector;
    }

    /** Once every vector is recorded: the in-memory index that finds each article's candidates. */
    VectorNeighbours neighbours() {
        int n = sources.size();
        int[] language = new int[n];
        int[] group = new int[n];
        boolean[] candidate = new boolean[n];
        DocVector[] all = new DocVector[n];
        for (int i = 0; i < n; i++) {
            SimilarPosts.Source s = sources.get(i);
            language[i] = languages.computeIfAbsent(s.language(), l -> languages.size());
            // An article without a group is a group of its own.
            group[i] = s.translationGroup() == null ? -1 - i : groups.computeIfAbsent(s.translationGroup(), g -> groups.size());
            all[i] = vectors[i] == null ? DocVector.EMPTY : vectors[i];
            candidate[i] = s.published();
        }
        return new VectorNeighbours(all, language, group, candidate);
    }

    /** Records article {@code i}'s candidates (article indexes, best first) and their base similarities. */
    void base(int i, VectorNeighbours.Neighbours found) {
        int m = Math.min(kept, found.docs().length);
        long[] byIndex = new long[m];
        for (int k = 0; k < m; k++) byIndex[k] = ((long) found.docs()[k] << 32) | k;
        Arrays.sort(byIndex);
        int[] ids = new int[m];
        float[] sims = new float[m];
        for (int k = 0; k < m; k++) {
            int at = (int) byIndex[k];
            ids[k] = found.docs()[at];
            sims[k] = found.similarities()[at];
        }
        candidates[i] = ids;
        similarities[i] = sims;
    }

    int size() {
        return sources.size();
    }

    SimilarPosts.Source source(int i) {
        return sources.get(i);
    }

    /** Records article {@code i}'s base; safe to call from several threads for different articles. */
    void base(int i, SimilarityModel.Base base) {
        List<SimilarityModel.Candidate> known = new ArrayList<>(kept);
        for (SimilarityModel.Candidate c : base.candidates()) {
            if (known.size() >= kept) break;
            if (indexOf.containsKey(c.id())) known.add(c);
        }
        known.sort((a, b) -> Integer.compare(indexOf.get(a.id()), indexOf.get(b.id())));
        int[] ids = new int[known.size()];
        float[] sims = new float[known.size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = indexOf.get(known.get(k).id());
            sims[k] = (float) known.get(k).similarity();
        }
        candidates[i] = ids;
        similarities[i] = sims;
    }

    /** The final lists after all passes: per article, the best {@code keep} ranked entries. */
    List<List<SimilarityModel.Ranked>> rank(double gamma, int keep) {
        int n = sources.size();
        int[][] lists = new int[n][];
        for (int i = 0; i < n; i++) lists[i] = new int[0];
        float[][] scores = new float[n][];
        for (int pass = 0; pass <= passes; pass++) {
            int[][] previous = lists;
            int[][] next = new int[n][];
            // Articles are independent within a pass: split them between the processors.
            java.util.stream.IntStream.range(0, WORKERS).parallel().forEach(worker -> {
                // Per worker: where each article sits among the current source's candidates, plus one (0: not there).
                int[] slotOf = new int[n];
                for (int i = worker; i < n; i += WORKERS) {
                    int[] ids = candidates[i] == null ? new int[0] : candidates[i];
                    float[] sims = similarities[i] == null ? new float[0] : similarities[i];
                    for (int c = 0; c < ids.length; c++) slotOf[ids[c]] = c + 1;
                    // Best first, ties by article order: sort (inverted score bits, position) packed in longs.
                    long[] order = new long[ids.length];
                    double[] score = new double[ids.length];
                    for (int c = 0; c < ids.length; c++) {
                        int[] around = previous[ids[c]];
                        double smooth = 0;
                        if (around.length > 0) {
                            double sum = 0;
                            for (int k : around) {
                                int at = slotOf[k];
                                if (at > 0) sum += sims[at - 1];
                            }
                            smooth = gamma * sum / around.length;
                        }
                        score[c] = sims[c] + smooth;
                        // Scores are not negative, so their float bits order like the numbers.
                        order[c] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) Math.max(0, score[c]))) << 32) | c;
                    }
                    for (int id : ids) slotOf[id] = 0;
                    Arrays.sort(order);
                    int m = Math.min(keep, order.length);
                    int[] list = new int[m];
                    float[] s = new float[m];
                    for (int r = 0; r < m; r++) {
                        int c = (int) order[r];
                        list[r] = ids[c];
                        s[r] = (float) score[c];
                    }
                    next[i] = list;
                    scores[i] = s;
                }
            });
            lists = next;
        }
        List<List<SimilarityModel.Ranked>> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<SimilarityModel.Ranked> ranked = new ArrayList<>(lists[i].length);
            for (int r = 0; r < lists[i].length; r++) {
                ranked.add(new SimilarityModel.Ranked(sources.get(lists[i][r]).id(), scores[i][r]));
            }
            result.add(ranked);
        }
        return result;
    }
}

package galley.similar.control;

import java.util.Arrays;

/**
 * Nearest neighbours by cosine among a whole collection's document vectors, in memory: for a full
 * recomputation, where a MoreLikeThis query per article costs four times more at 50,000 articles and finds
 * candidates no better. An inverted index (postings in flat arrays) over the published articles gives each
 * article its dot product with every one it shares a term with; the best {@link #SHORTLIST} are then
 * scored with their full vectors. Terms that more than {@link #MAX_DF_SHARE} of the documents hold have no
 * postings: they weigh little in any cosine and would make most of the index, so the first score is a
 * slight underestimate that the second corrects. Only documents of the source's language, outside its
 * translation group, are candidates.
 */
final class VectorNeighbours {

    static final int SHORTLIST = 400;
    static final double MAX_DF_SHARE = 0.1;

    private final DocVector[] vectors;
    private final int[] language;
    private final int[] group;
    private final boolean[] candidate;
    /** The distinct term keys, sorted, and each one's range in the flat posting arrays. */
    private final int[] termKeys;
    private final int[] termStart;
    private final int[] termEnd;
    private final int[] postingDocs;
    private final float[] postingWeights;

    /**
     * @param vectors  per document (index i), its normalised vector
     * @param language per document, a number standing for its language
     * @param group     per document, a number standing for its translation group
     * @param candidate per document, whether it may be found (published); others are only sources
     */
    VectorNeighbours(DocVector[] vectors, int[] language, int[] group, boolean[] candidate) {
        this.vectors = vectors;
        this.language = language;
        this.group = group;
        this.candidate = candidate;
        int entries = 0;
        for (int d = 0; d < vectors.length; d++) if (candidate[d]) entries += vectors[d].size();
        int[] all = new int[entries];
        int at = 0;
        for (int d = 0; d < vectors.length; d++) {
            if (!candidate[d]) continue;
            System.arraycopy(vectors[d].keys(), 0, all, at, vectors[d].size());
            at += vectors[d].size();
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < entries; i++) if (i == 0 || all[i] != all[i - 1]) distinct++;
        termKeys = new int[distinct];
        termStart = new int[distinct];
        termEnd = new int[distinct];
        int maxDf = (int) Math.max(50, MAX_DF_SHARE * vectors.length);
        int total = 0;
        for (int i = 0, t = -1; i < entries; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                int df = 1;
                while (i + df < entries && all[i + df] == all[i]) df++;
                termKeys[++t] = all[i];
                termStart[t] = total;
                termEnd[t] = total;
                if (df <= maxDf) total += df;
            }
        }
        all = null;
        int[] limit = new int[distinct];
        postingDocs = new int[total];
        postingWeights = new float[total];
        for (int t = 0; t < distinct; t++) limit[t] = t + 1 < distinct ? termStart[t + 1] : total;
        for (int d = 0; d < vectors.length; d++) {
            if (!candidate[d]) continue;
            DocVector v = vectors[d];
            for (int k = 0; k < v.size(); k++) {
                int t = Arrays.binarySearch(termKeys, v.keys()[k]);
                if (termEnd[t] == limit[t]) continue; // a term with no postings (too common)
                int p = termEnd[t]++;
                postingDocs[p] = d;
                postingWeights[p] = v.weights()[k];
            }
        }
    }

    /** Per-thread scratch space: one accumulator per document. */
    final class Search {
        private final float[] partial = new float[vectors.length];
        private final int[] touched = new int[vectors.length];

        /**
         * The {@code limit} documents most similar to document {@code source} by cosine, best first, as
         * parallel arrays of document indexes and similarities (trimmed to the number found).
         */
        Neighbours of(int source, int limit) {
            return of(vectors[source], language[source], group[source], d -> d == source, limit);
        }

        /**
         * The {@code limit} documents most similar to a vector (of a document that may not be in this
         * index), among those of {@code lang} outside {@code grp} that {@code skip} does not name.
         */
        Neighbours of(DocVector query, int lang, int grp, java.util.function.IntPredicate skip, int limit) {
            int n = query.size();
            if (n == 0) return Neighbours.NONE;
            int touchedCount = 0;
            for (int t = 0; t < n; t++) {
                int term = Arrays.binarySearch(termKeys, query.keys()[t]);
                if (term < 0) continue; // no candidate has this term
                float w = query.weights()[t];
                for (int p = termStart[term]; p < termEnd[term]; p++) {
                    int d = postingDocs[p];
                    if (partial[d] == 0) touched[touchedCount++] = d;
                    partial[d] += w * postingWeights[p];
                }
            }
            // Shortlist: the SHORTLIST best partial scores, in a min-heap of (score bits, document) packed in
            // longs (scores are positive, so their bits order like the numbers).
            long[] heap = new long[SHORTLIST];
            int k = 0;
            for (int i = 0; i < touchedCount; i++) {
                int d = touched[i];
                float score = partial[d];
                partial[d] = 0;
                if (language[d] != lang || group[d] == grp || score <= 0 || skip.test(d)) continue;
                long entry = ((long) Float.floatToIntBits(score) << 32) | d;
                if (k < SHORTLIST) {
                    heap[k] = entry;
                    siftUp(heap, k++);
                } else if (entry > heap[0]) {
                    heap[0] = entry;
                    siftDown(heap, k);
                }
            }
            long[] shortlist = heap;
            DocVector.Probe probe = query.probe();
            long[] exact = new long[k];
            for (int i = 0; i < k; i++) {
                int d = (int) (shortlist[i] & 0xFFFFFFFFL);
                float cosine = (float) Math.max(0, probe.dot(vectors[d]));
                exact[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(cosine)) << 32) | d;
            }
            Arrays.sort(exact);
            int found = Math.min(limit, k);
            int[] docs = new int[found];
            float[] similarities = new float[found];
            for (int i = 0; i < found; i++) {
                docs[i] = (int) exact[i];
                similarities[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (exact[i] >>> 32));
            }
            return new Neighbours(docs, similarities);
        }
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= heap[i]) return;
            long t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && heap[left] < heap[smallest]) smallest = left;
            if (right < size && heap[right] < heap[smallest]) smallest = right;
            if (smallest == i) return;
            long t = heap[smallest];
            heap[smallest] = heap[i];
            heap[i] = t;
            i = smallest;
        }
    }

    Search search() {
        return new Search();
    }

    int size() {
        return vectors.length;
    }

    /** Whether document {@code d} is indexed as a candidate with exactly this vector, language and group. */
    boolean holds(int d, DocVector vector, int lang, int grp) {
        DocVector v = vectors[d];
        return candidate[d] && language[d] == lang && group[d] == grp
                && Arrays.equals(v.keys(), vector.keys()) && Arrays.equals(v.weights(), vector.weights());
    }

    /** Documents and their cosine similarities, best first. */
    record Neighbours(int[] docs, float[] similarities) {
        static final Neighbours NONE = new Neighbours(new int[0], new float[0]);
    }
}

package galley.similar.control;

import java.util.Arrays;

/**
 * A document's TF-IDF vector, already divided by its norm, as two parallel arrays sorted by key. A key is
 * a 32-bit hash of field and term: no dictionary to keep, and with a few hundred terms per document two
 * documents share a colliding pair of different terms about once in ten thousand comparisons, adding a
 * negligible weight. Terms that
 * no other document has are left out: they cannot match anything and only count in the norm, which
 * shrinks a news article's vector to about a third.
 */
record DocVector(int[] keys, float[] weights) {

    static final DocVector EMPTY = new DocVector(new int[0], new float[0]);

    /** The cosine similarity of two documents. */
    double dot(DocVector other) {
        int[] a = keys;
        int[] b = other.keys;
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) sum += (double) weights[i++] * other.weights[j++];
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return sum;
    }

    /** This vector as the fixed side of many dot products. */
    Probe probe() {
        return new Probe(this);
    }

    /**
     * A vector's terms in an open-addressing hash table: a dot product with it costs one probe per term
     * of the other vector, where merging two sorted arrays mispredicts a branch at nearly every step.
     */
    static final class Probe {
        private final int[] keys;
        private final float[] weights;
        private final boolean[] used;
        private final int mask;

        private Probe(DocVector vector) {
            int capacity = Integer.highestOneBit(Math.max(8, vector.keys.length * 4 - 1)) << 1;
            keys = new int[capacity];
            weights = new float[capacity];
            used = new boolean[capacity];
            mask = capacity - 1;
            for (int i = 0; i < vector.keys.length; i++) {
                int slot = mix(vector.keys[i]) & mask;
                while (used[slot]) slot = (slot + 1) & mask;
                used[slot] = true;
                keys[slot] = vector.keys[i];
                weights[slot] = vector.weights[i];
            }
        }

        double dot(DocVector other) {
            double sum = 0;
            int[] otherKeys = other.keys;
            float[] otherWeights = other.weights;
            for (int i = 0; i < otherKeys.length; i++) {
                int key = otherKeys[i];
                int slot = mix(key) & mask;
                while (used[slot]) {
                    if (keys[slot] == key) {
                        sum += (double) weights[slot] * otherWeights[i];
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            return sum;
        }

        /** This vector's weight of {@code key}, 0 when it does not have it. */
        double weight(int key) {
            int slot = mix(key) & mask;
            while (used[slot]) {
                if (keys[slot] == key) return weights[slot];
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** Number of terms held. */
    int size() {
        return keys.length;
    }

    static DocVector of(int[] keys, float[] weights, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(keys[x], keys[y]));
        int[] k = new int[n];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            k[i] = keys[order[i]];
            w[i] = weights[order[i]];
        }
        return new DocVector(k, w);
    }
}

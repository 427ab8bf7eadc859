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

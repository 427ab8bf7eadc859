package galley.similar.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorNeighboursTest {

    @Test
    void findsTheSameNeighboursAsComparingEveryPair() {
        Random random = new Random(7);
        int n = 400;
        DocVector[] vectors = new DocVector[n];
        for (int i = 0; i < n; i++) vectors[i] = randomVector(random, 40, 2000);
        int[] language = new int[n];
        int[] group = IntStream.range(0, n).toArray();
        boolean[] published = new boolean[n];
        Arrays.fill(published, true);
        VectorNeighbours.Search search = new VectorNeighbours(vectors, language, group, published).search();
        for (int source = 0; source < 50; source++) {
            VectorNeighbours.Neighbours found = search.of(source, 10);
            int s = source;
            Integer[] expected = IntStream.range(0, n).filter(d -> d != s && vectors[s].dot(vectors[d]) > 0).boxed()
                    .sorted(Comparator.comparingDouble((Integer d) -> -vectors[s].dot(vectors[d])).thenComparingInt(d -> d))
                    .limit(10).toArray(Integer[]::new);
            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), found.docs(), "source " + source);
            for (int k = 0; k < found.docs().length; k++) {
                assertEquals(vectors[s].dot(vectors[found.docs()[k]]), found.similarities()[k], 1e-5);
            }
        }
    }

    @Test
    void onlyPublishedDocumentsOfTheSameLanguageOutsideTheTranslationGroupAreCandidates() {
        DocVector shared = vector(new int[] {1, 2, 3}, new float[] {.6f, .6f, .5f});
        DocVector[] vectors = {shared, shared, shared, shared, vector(new int[] {9}, new float[] {1}), shared,
                vector(new int[] {1, 77}, new float[] {.8f, .6f})};
        int[] language = {0, 0, 1, 0, 0, 0, 0};
        int[] group = {0, 0, 2, 3, 4, 5, 6};
        boolean[] published = {true, true, true, true, true, false, false};
        VectorNeighbours.Search search = new VectorNeighbours(vectors, language, group, published).search();
        // 1 is a translation of 0, 2 is in another language, 4 shares no term, 5 and 6 are drafts.
        assertArrayEquals(new int[] {3}, search.of(0, 10).docs());
        assertEquals(0, search.of(4, 10).docs().length);
        // A draft has a list too, of published articles; term 77 is in no published article.
        assertArrayEquals(new int[] {0, 1, 3}, search.of(6, 10).docs());
    }

    private static DocVector randomVector(Random random, int terms, int vocabulary) {
        // Keys 0-4 are in every document: more than the share that gets postings.
        int[] keys = IntStream.concat(IntStream.range(0, 5), random.ints(terms, 5, vocabulary).map(t -> t * 31 + 7))
                .distinct().sorted().toArray();
        float[] weights = new float[keys.length];
        double norm = 0;
        for (int i = 0; i < keys.length; i++) {
            weights[i] = 0.1f + random.nextFloat();
            norm += weights[i] * weights[i];
        }
        for (int i = 0; i < keys.length; i++) weights[i] /= (float) Math.sqrt(norm);
        return new DocVector(keys, weights);
    }

    private static DocVector vector(int[] keys, float[] weights) {
        return new DocVector(keys, weights);
    }
}

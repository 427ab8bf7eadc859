package galley.similar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimilarityMemoryTest {

    private final UUID a = new UUID(0, 1);
    private final UUID b = new UUID(0, 2);
    private final UUID c = new UUID(0, 3);
    private final UUID d = new UUID(0, 4);
    private final DocVector ab = new DocVector(new int[] {1, 2}, new float[] {.8f, .6f});
    private final DocVector bc = new DocVector(new int[] {2, 3}, new float[] {.6f, .8f});

    @Test
    void withoutAFullRunThereIsNothingToGoBy() {
        assertNull(new SimilarityMemory().candidates(a, ab, "en", null, 10));
    }

    @Test
    void changedArticlesAreScoredBesideTheIndexAndUnpublishedOnesLeaveIt() {
        SimilarityMemory memory = remembered();
        assertEquals(List.of(b, c), ids(memory.candidates(a, ab, "en", null, 10)));

        // Recomputed without a change: still found through the index.
        memory.changed(b, ab, "en", null, true);
        assertEquals(List.of(b, c), ids(memory.candidates(a, ab, "en", null, 10)));
        // c now reads like a: scored one by one, first; b unpublished: gone; d new.
        memory.changed(c, ab, "en", null, true);
        memory.changed(b, ab, "en", null, false);
        memory.changed(d, bc, "en", null, true);
        assertEquals(List.of(c, d), ids(memory.candidates(a, ab, "en", null, 10)));
        assertEquals(List.of(), ids(memory.candidates(a, ab, "tr", null, 10)), "other languages are never candidates");
    }

    @Test
    void computedListsAreRememberedUntilCleared() {
        SimilarityMemory memory = remembered();
        assertEquals(List.of(c), memory.lists(List.of(b)).get(b));
        memory.listComputed(b, List.of(a, c));
        assertEquals(Map.of(b, List.of(a, c)), memory.lists(List.of(b, d)));
        memory.clear();
        assertEquals(Map.of(), memory.lists(List.of(b)));
        assertNull(memory.candidates(a, ab, "en", null, 10));
    }

    private SimilarityMemory remembered() {
        List<SimilarPosts.Source> sources = List.of(source(a), source(b), source(c));
        FullRecompute full = new FullRecompute(sources);
        full.vector(0, ab);
        full.vector(1, ab);
        full.vector(2, bc);
        VectorNeighbours neighbours = full.neighbours();
        SimilarityMemory memory = new SimilarityMemory();
        memory.remember(full, neighbours, List.of(List.of(), List.of(new SimilarityModel.Ranked(c, 1)), List.of()));
        return memory;
    }

    private static SimilarPosts.Source source(UUID id) {
        return new SimilarPosts.Source(id, "en", null, true);
    }

    private static List<UUID> ids(List<SimilarityModel.Candidate> candidates) {
        return candidates.stream().map(SimilarityModel.Candidate::id).toList();
    }
}

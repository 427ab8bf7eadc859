package galley.similar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
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
        memory.changed(b, ab, ab, "en", null, true);
        assertEquals(List.of(b, c), ids(memory.candidates(a, ab, "en", null, 10)));
        // c now reads like a: scored one by one, first; b unpublished: gone; d new.
        memory.changed(c, ab, ab, "en", null, true);
        memory.changed(b, ab, ab, "en", null, false);
        memory.changed(d, bc, bc, "en", null, true);
        assertEquals(List.of(c, d), ids(memory.candidates(a, ab, "en", null, 10)));
        assertEquals(List.of(), ids(memory.candidates(a, ab, "tr", null, 10)), "other languages are never candidates");
    }

    @Test
    void whatChangedWhileAFullRunWorkedOutlivesIt() {
        SimilarityMemory memory = new SimilarityMemory();
        memory.remember(fullRun(), fullRun().neighbours(), memory.mark());
        long since = memory.mark();
        memory.changed(d, bc, bc, "en", null, true);
        FullRecompute full = fullRun();
        memory.remember(full, full.neighbours(), since);
        assertEquals(java.util.Set.of(b, c, d), java.util.Set.copyOf(ids(memory.candidates(a, ab, "en", null, 10))),
                "d, published during the run, stays a candidate");
    }

    @Test
    void aMemoryLooksForOtherNodesChangesFromItsFullRunOnUntilCleared() {
        SimilarityMemory memory = new SimilarityMemory();
        assertNull(memory.lookFrom(), "nothing to keep current before a full run");
        java.time.Instant before = java.time.Instant.now();
        long since = memory.mark();
        java.time.Instant after = java.time.Instant.now();
        FullRecompute full = fullRun();
        memory.remember(full, full.neighbours(), since);
        java.time.Instant from = memory.lookFrom();
        // From the run's start, less the margin: what changed while the run read the collection is looked at.
        assertFalse(from.isBefore(before.minus(ChangeWatermark.MARGIN)), from.toString());
        assertFalse(from.isAfter(after.minus(ChangeWatermark.MARGIN)), from.toString());
        memory.clear();
        assertNull(memory.lookFrom());
        assertNull(memory.candidates(a, ab, "en", null, 10));
    }

    private FullRecompute fullRun() {
        FullRecompute full = new FullRecompute(List.of(source(a), source(b), source(c)));
        full.vector(0, ab);
        full.vector(1, ab);
        full.vector(2, bc);
        return full;
    }

    private SimilarityMemory remembered() {
        FullRecompute full = fullRun();
        VectorNeighbours neighbours = full.neighbours();
        SimilarityMemory memory = new SimilarityMemory();
        memory.remember(full, neighbours, memory.mark());
        return memory;
    }

    private static SimilarPosts.Source source(UUID id) {
        return new SimilarPosts.Source(id, "en", null, true);
    }

    private static List<UUID> ids(List<SimilarityModel.Candidate> candidates) {
        return candidates.stream().map(SimilarityModel.Candidate::id).toList();
    }
}

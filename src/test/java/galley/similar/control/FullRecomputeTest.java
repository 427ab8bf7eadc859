package galley.similar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FullRecomputeTest {

    private final UUID a = new UUID(0, 1);
    private final UUID b = new UUID(0, 2);
    private final UUID c = new UUID(0, 3);
    private final UUID d = new UUID(0, 4);
    private final List<SimilarPosts.Source> sources = List.of(source(a), source(b), source(c), source(d));

    @Test
    void aCandidateInTheSourcesNeighbourhoodOvertakesOneThatOnlySharesWords() {
        assertEquals(List.of(b, d, c), ids(run(0).get(0)), "by base similarity alone, D edges out C");
        List<List<SimilarityModel.Ranked>> smoothed = run(2);
        // C's own similar posts (B) are similar to A; D's (only A itself) tell nothing.
        assertEquals(List.of(b, c, d), ids(smoothed.get(0)));
        assertTrue(smoothed.get(0).get(1).score() > 0.45, "smoothing adds to the base similarity");
    }

    @Test
    void listsAreCutToKeepAndUnknownCandidatesAreIgnored() {
        FullRecompute full = new FullRecompute(sources, 100, 1);
        full.base(0, base(a, candidate(b, .5), candidate(UUID.randomUUID(), .9), candidate(c, .4), candidate(d, .3)));
        List<List<SimilarityModel.Ranked>> lists = full.rank(1.5, 2);
        assertEquals(List.of(b, c), ids(lists.get(0)));
        assertEquals(List.of(), lists.get(1), "an article without a base gets an empty list");
    }

    private List<List<SimilarityModel.Ranked>> run(int passes) {
        FullRecompute full = new FullRecompute(sources, 100, passes);
        full.base(0, base(a, candidate(b, .5), candidate(c, .45), candidate(d, .46)));
        full.base(1, base(b, candidate(a, .5), candidate(c, .6)));
        full.base(2, base(c, candidate(b, .6), candidate(a, .45)));
        full.base(3, base(d, candidate(a, .46)));
        return full.rank(1.5, 20);
    }

    private static SimilarPosts.Source source(UUID id) {
        return new SimilarPosts.Source(id, "en", UUID.randomUUID(), true);
    }

    private static SimilarityModel.Base base(UUID source, SimilarityModel.Candidate... candidates) {
        return new SimilarityModel.Base(source, List.of(candidates));
    }

    private static SimilarityModel.Candidate candidate(UUID id, double similarity) {
        return new SimilarityModel.Candidate(id, similarity);
    }

    private static List<UUID> ids(List<SimilarityModel.Ranked> ranked) {
        return ranked.stream().map(SimilarityModel.Ranked::id).toList();
    }
}

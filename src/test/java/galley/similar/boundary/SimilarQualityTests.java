package galley.similar.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Corpus;
import galley.testing.GalleyClient;
import galley.testing.GalleyTests;
import galley.testing.PrecisionAtK;
import galley.testing.TestConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality benchmark on a slice of BBC News, as a guard: precision@5 of the similar posts Galley serves
 * must stay above a floor. The slice goes in under a language tag of its own (en-ZA), so it is compared
 * only with itself and not with the other tests' articles. The figures of record come from the whole
 * development split (src/test/bench/similar-quality.sh).
 */
public interface SimilarQualityTests extends GalleyTests {

    static final int SLICE = 300;
    /** Measured 0.90 on this slice (the whole split gives about 0.94): a drop below this is a regression. */
    static final double FLOOR = 0.85;

    @Test
    default void precisionAtFiveOnABbcNewsSliceStaysAboveTheFloor() throws InterruptedException {
        // The ranking is Lucene's, the same whatever the database: measured once, in the H2 execution (about 45 s).
        assumeTrue("h2".equals(TestConfig.database()), "the quality floor is measured in the embedded-h2 execution only");
        Path shared = TestConfig.shared();
        Path file = shared == null ? null : shared.resolve("corpus/bbc-news.jsonl.gz");
        assumeTrue(file != null && file.toFile().isFile(),
                "../shared/corpus/bbc-news.jsonl.gz is absent in this checkout: the similar-posts quality floor is not tested here");
        List<Corpus.Doc> all = Corpus.read(file);
        List<Corpus.Doc> docs = new ArrayList<>(SLICE);
        for (int i = 0; i < SLICE; i++) docs.add(all.get((int) ((long) i * all.size() / SLICE)));

        GalleyClient galley = new GalleyClient(api().admin());
        String author = galley.author("Quality Slice");
        Instant before = Instant.now();
        Map<String, String> slugs = galley.importDocs(docs, "en-ZA", author, 100);
        galley.awaitRecompute(before);

        Map<String, Corpus.Doc> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, String> docBySlug = new HashMap<>();
        slugs.forEach((doc, slug) -> docBySlug.put(slug, doc));
        double precision = PrecisionAtK.of(byId, d -> galley.similar(slugs.get(d.id()), "en-ZA", docBySlug), 5);
        System.out.printf("similar posts: precision@5 %.3f on a %d-article BBC News slice%n", precision, SLICE);
        assertTrue(precision >= FLOOR, "precision@5 " + precision + " fell below " + FLOOR);
    }
}

package galley.similar.control;

import galley.testing.Corpus;
import galley.testing.PrecisionAtK;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;

/**
 * The engine's precision@5 on a corpus, offline: the same model and the same passes as a full
 * recomputation ({@link FullRecompute}) over an in-memory index laid out like Galley's. For tuning without
 * a server; the benchmark of record runs through the API (src/test/bench/similar-quality.sh).
 */
public class OfflineQuality {
    public static void main(String[] args) throws Exception {
        List<Corpus.Doc> docs = Corpus.read(Path.of(args[0]));
        try (TestIndex index = new TestIndex()) {
            List<SimilarPosts.Source> sources = new ArrayList<>();
            Map<UUID, Corpus.Doc> byUuid = new HashMap<>();
            for (Corpus.Doc d : docs) {
                UUID id = UUID.randomUUID();
                byUuid.put(id, d);
                sources.add(new SimilarPosts.Source(id, "en", UUID.randomUUID(), true));
                index.add(id, "en", UUID.randomUUID(), true, d.title(), d.body(), "");
            }
            index.commit();
            try (DirectoryReader reader = DirectoryReader.open(index.directory)) {
                Map<UUID, DocVector> vectors = new ConcurrentHashMap<>();
                SimilarityModel model = new SimilarityModel(new LuceneIndexSnapshot(reader), vectors);
                long t0 = System.nanoTime();
                List<SimilarityModel.Base> bases = new ArrayList<>();
                if ("vectors".equals(System.getProperty("candidates"))) {
                    // The full recomputation's way: exact neighbours from all vectors in memory.
                    DocVector[] all = new DocVector[sources.size()];
                    int[] language = new int[all.length];
                    int[] group = new int[all.length];
                    for (int i = 0; i < all.length; i++) {
                        UUID id = sources.get(i).id();
                        all[i] = model.vector(id, "en");
                        group[i] = i;
                    }
                    long tv = System.nanoTime();
                    boolean[] published = new boolean[all.length];
                    java.util.Arrays.fill(published, true);
                    VectorNeighbours.Search search = new VectorNeighbours(all, language, group, published).search();
                    System.out.printf("vectors %.0f ms, index %.0f ms%n", (tv - t0) / 1e6, (System.nanoTime() - tv) / 1e6);
                    for (int i = 0; i < all.length; i++) {
                        VectorNeighbours.Neighbours found = search.of(i, FullRecompute.KEPT);
                        List<SimilarityModel.Candidate> candidates = new ArrayList<>();
                        for (int k = 0; k < found.docs().length; k++) {
                            candidates.add(new SimilarityModel.Candidate(sources.get(found.docs()[k]).id(), found.similarities()[k]));
                        }
                        bases.add(new SimilarityModel.Base(sources.get(i).id(), candidates));
                    }
                } else {
                    for (int i = 0; i < sources.size(); i++) {
                        bases.add(model.base(sources.get(i).id(), "en", null, SimilarityModel.CANDIDATES));
                    }
                }
                long t1 = System.nanoTime();
                List<List<SimilarityModel.Ranked>> lists = null;
                long t2 = 0;
                for (String config : System.getProperty("configs", FullRecompute.KEPT + "/" + FullRecompute.PASSES).split(",")) {
                    FullRecompute full = new FullRecompute(sources, Integer.parseInt(config.split("/")[0]), Integer.parseInt(config.split("/")[1]));
                    for (int i = 0; i < sources.size(); i++) full.base(i, bases.get(i));
                    long t = System.nanoTime();
                    lists = full.rank(SimilarityModel.GAMMA, SimilarityModel.KEEP);
                    t2 = System.nanoTime() - t;
                    if (System.getProperty("configs") != null) System.out.printf("kept/passes %s: P@5 %.4f%n", config, p5(docs, byUuid, sources, lists));
                }
                System.out.printf("%s: %d articles, P@5 %.4f; bases %.1f ms each (vectors of %.0f terms on average), passes %d ms%n",
                        Path.of(args[0]).getFileName(), docs.size(), p5(docs, byUuid, sources, lists),
                        (t1 - t0) / 1e6 / docs.size(), vectors.values().stream().mapToInt(DocVector::size).average().orElse(0),
                        t2 / 1_000_000);
            }
        }
    }

    private static double p5(List<Corpus.Doc> docs, Map<UUID, Corpus.Doc> byUuid, List<SimilarPosts.Source> sources,
                             List<List<SimilarityModel.Ranked>> lists) {
        Map<String, Corpus.Doc> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, List<String>> asDocs = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            asDocs.put(byUuid.get(sources.get(i).id()).id(), lists.get(i).stream().map(r -> byUuid.get(r.id()).id()).toList());
        }
        return PrecisionAtK.of(byId, asDocs, 5);
    }
}

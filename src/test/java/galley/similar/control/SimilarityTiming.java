package galley.similar.control;

import galley.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;

/** A quick timing of the engine on an in-memory index: where does a computation spend its time? */
public class SimilarityTiming {
    public static void main(String[] args) throws Exception {
        List<Corpus.Doc> docs = Corpus.read(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : docs.size();
        try (TestIndex index = new TestIndex()) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Corpus.Doc d = docs.get(i % docs.size());
                UUID id = UUID.randomUUID();
                ids.add(id);
                index.add(id, "en", UUID.randomUUID(), true, d.title() + (i >= docs.size() ? " " + i : ""), d.body(), "");
            }
            index.commit();
            Map<UUID, DocVector> vectors = new ConcurrentHashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(index.directory)) {
                for (int round = 0; round < 3; round++) {
                    long t0 = System.nanoTime();
                    Map<UUID, List<UUID>> lists = new HashMap<>();
                    for (UUID id : ids) {
                        SimilarityModel m = new SimilarityModel(reader, vectors);
                        var base = m.base(id, "en", null, SimilarityModel.CANDIDATES);
                        lists.put(id, SimilarityModel.rank(base, k -> List.of(), 20).stream().map(SimilarityModel.Ranked::id).toList());
                    }
                    long t1 = System.nanoTime();
                    System.out.printf("round %d: %d computations, %.2f ms each%n", round, ids.size(), (t1 - t0) / 1e6 / ids.size());
                }
            }
        }
    }
}

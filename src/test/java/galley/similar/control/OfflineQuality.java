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
 * The engine's precision@5 on a corpus, offline: the same model over an in-memory index laid out like
 * Galley's, with the same passes as a full recomputation. For tuning without a server; the benchmark of
 * record runs through the API (src/test/bench/similar-quality.sh).
 */
public class OfflineQuality {
    public static void main(String[] args) throws Exception {
        List<Corpus.Doc> docs = Corpus.read(Path.of(args[0]));
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (TestIndex index = new TestIndex()) {
            Map<UUID, Corpus.Doc> byUuid = new LinkedHashMap<>();
            for (Corpus.Doc d : docs) {
                UUID id = UUID.randomUUID();
                byUuid.put(id, d);
                index.add(id, "en", UUID.randomUUID(), true, d.title(), d.body(), "");
            }
            index.commit();
            Map<String, Corpus.Doc> byId = new LinkedHashMap<>();
            docs.forEach(d -> byId.put(d.id(), d));
            try (DirectoryReader reader = DirectoryReader.open(index.directory)) {
                Map<UUID, Double> norms = new ConcurrentHashMap<>();
                Map<String, Map<org.apache.lucene.util.BytesRef, Double>> idfs = new ConcurrentHashMap<>();
                Map<UUID, SimilarityModel.Base> bases = new HashMap<>();
                for (UUID id : byUuid.keySet()) bases.put(id, new SimilarityModel(reader, norms, idfs).base(id, "en", null, SimilarityModel.CANDIDATES));
                Map<UUID, List<UUID>> lists = new HashMap<>();
                for (int pass = 1; pass <= passes; pass++) {
                    Map<UUID, List<UUID>> previous = lists;
                    Map<UUID, List<UUID>> next = new HashMap<>();
                    for (UUID id : byUuid.keySet()) {
                        next.put(id, SimilarityModel.rank(bases.get(id), k -> previous.getOrDefault(k, List.of()), 20)
                                .stream().map(SimilarityModel.Ranked::id).toList());
                    }
                    lists = next;
                    Map<String, List<String>> asDocs = new HashMap<>();
                    lists.forEach((id, l) -> {
                        List<String> ids = new ArrayList<>();
                        l.forEach(u -> ids.add(byUuid.get(u).id()));
                        asDocs.put(byUuid.get(id).id(), ids);
                    });
                    System.out.printf("%s pass %d: P@5 %.4f%n", Path.of(args[0]).getFileName(), pass, PrecisionAtK.of(byId, asDocs, 5));
                }
            }
        }
    }
}

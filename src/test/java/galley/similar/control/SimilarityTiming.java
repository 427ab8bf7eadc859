package galley.similar.control;

import galley.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;

/**
 * A quick timing of the engine on an in-memory index: the corpus repeated (with varied titles) up to
 * {@code n} documents, then {@code m} computations of random articles after all vectors are cached, as
 * in a full recomputation's steady state. Args: corpus file, n, m.
 */
public class SimilarityTiming {
    public static void main(String[] args) throws Exception {
        List<Corpus.Doc> docs = Corpus.read(Path.of(args[0]));
        docs.removeIf(d -> d.body() == null || d.body().strip().length() < 80);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : docs.size();
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (TestIndex index = new TestIndex()) {
            List<UUID> ids = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Corpus.Doc d = docs.get(i % docs.size());
                UUID id = UUID.randomUUID();
                ids.add(id);
                index.add(id, "en", UUID.randomUUID(), true, d.title() + (i >= docs.size() ? " (" + (i / docs.size() + 1) + ")" : ""), d.body(), "");
                if (i % 5000 == 4999) index.commit();
            }
            index.commit();
            if (Boolean.getBoolean("merge")) index.forceMerge();
            System.out.printf("indexed %d documents in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            Map<UUID, DocVector> vectors = new ConcurrentHashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(index.directory)) {
                System.out.printf("%d segments%n", reader.leaves().size());
                SimilarityModel model = new SimilarityModel(new LuceneIndexSnapshot(reader), vectors);
                long t1 = System.nanoTime();
                for (UUID id : ids) {
                    model.vector(id, "en");
                }
                System.out.printf("all vectors: %.2f ms each%n", (System.nanoTime() - t1) / 1e6 / n);
                DocVector[] all = new DocVector[n];
                for (int i = 0; i < n; i++) all[i] = vectors.get(ids.get(i));
                int[] group = new int[n];
                for (int i = 0; i < n; i++) group[i] = i;
                long t2 = System.nanoTime();
                boolean[] published = new boolean[n];
                java.util.Arrays.fill(published, true);
                VectorNeighbours neighbours = new VectorNeighbours(all, new int[n], group, published);
                System.out.printf("vector index: %.1f s%n", (System.nanoTime() - t2) / 1e9);
                VectorNeighbours.Search search = neighbours.search();
                long[] vt = new long[Math.min(m, n)];
                for (int i = 0; i < vt.length; i++) {
                    long s = System.nanoTime();
                    search.of((int) ((i * 7919L) % n), FullRecompute.KEPT);
                    vt[i] = System.nanoTime() - s;
                }
                java.util.Arrays.sort(vt);
                System.out.printf("vector neighbours: %d, median %.2f ms, p99 %.2f ms, mean %.2f ms%n", vt.length,
                        vt[vt.length / 2] / 1e6, vt[(int) (vt.length * 0.99)] / 1e6, java.util.Arrays.stream(vt).average().orElse(0) / 1e6);
                List<UUID> sample = new ArrayList<>(ids);
                Collections.shuffle(sample, new Random(1));
                sample = sample.subList(0, Math.min(m, sample.size()));
                for (int round = 0; round < 2; round++) {
                    long[] times = new long[sample.size()];
                    for (int i = 0; i < sample.size(); i++) {
                        long s = System.nanoTime();
                        model.base(sample.get(i), "en", null, SimilarityModel.CANDIDATES);
                        times[i] = System.nanoTime() - s;
                    }
                    java.util.Arrays.sort(times);
                    System.out.printf("round %d: %d bases, median %.1f ms, p99 %.1f ms, mean %.1f ms%n", round, times.length,
                            times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6,
                            java.util.Arrays.stream(times).average().orElse(0) / 1e6);
                }
            }
        }
    }
}

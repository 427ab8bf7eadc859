package galley.bench;

import galley.testing.Api;
import galley.testing.GalleyClient;
import galley.testing.Corpus;
import galley.testing.PrecisionAtK;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The similar-posts quality benchmark: imports the BBC News and BBC Sport development splits into a
 * running Galley through its admin API (title and body only), lets Galley compute similar posts, and
 * reports precision@5 against the category labels, next to two simple engines computed here on the same
 * texts. Run by {@code src/test/bench/similar-quality.sh}.
 */
public final class SimilarQuality {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Api admin = new Api(URI.create(opts.get("url")).toURL()).as(opts.get("user"), opts.get("password"));
        Path corpus = Path.of(opts.getOrDefault("corpus", "../shared/corpus"));
        int slice = Integer.parseInt(opts.getOrDefault("slice", "0"));
        GalleyClient galley = new GalleyClient(admin);
        String author = galley.author("Corpus Importer");

        record Run(String name, String file, String language) {
        }
        List<Run> runs = List.of(new Run("BBC News", "bbc-news.jsonl.gz", "en"), new Run("BBC Sport", "bbc-sport.jsonl.gz", "en-GB"));
        Map<String, Map<String, String>> slugs = new LinkedHashMap<>();
        Map<String, List<Corpus.Doc>> corpora = new LinkedHashMap<>();
        long importStart = System.nanoTime();
        Instant before = Instant.now();
        for (Run run : runs) {
            List<Corpus.Doc> docs = Corpus.read(corpus.resolve(run.file()));
            if (slice > 0 && docs.size() > slice) docs = spread(docs, slice);
            corpora.put(run.name(), docs);
            slugs.put(run.name(), galley.importDocs(docs, run.language(), author, 250));
        }
        long importMs = (System.nanoTime() - importStart) / 1_000_000;
        long recomputeMs = galley.awaitRecompute(before);

        System.out.printf("%nSimilar posts quality: precision@5, leaving out each source's near-duplicate group%n");
        System.out.printf("imported %d articles in %.1f s; full recomputation %.1f s%n%n",
                corpora.values().stream().mapToInt(List::size).sum(), importMs / 1000.0, recomputeMs / 1000.0);
        System.out.printf("%-10s %6s %10s %14s %12s%n", "corpus", "docs", "Galley", "MLT defaults", "YARPP-style");
        for (Run run : runs) {
            List<Corpus.Doc> docs = corpora.get(run.name());
            Map<String, Corpus.Doc> byId = new LinkedHashMap<>();
            docs.forEach(d -> byId.put(d.id(), d));
            Map<String, String> docBySlug = new HashMap<>();
            slugs.get(run.name()).forEach((doc, slug) -> docBySlug.put(slug, doc));
            double galleyP = PrecisionAtK.of(byId, d -> galley.similar(slugs.get(run.name()).get(d.id()), run.language(), docBySlug), 5);
            double mlt = PrecisionAtK.of(byId, Baselines.moreLikeThisDefaults(docs), 5);
            double yarpp = PrecisionAtK.of(byId, Baselines.yarpp(docs), 5);
            System.out.printf("%-10s %6d %10.3f %14.3f %12.3f%n", run.name(), docs.size(), galleyP, mlt, yarpp);
        }
    }

    /** Every n-th document, so a slice keeps the mix of categories (the files are sorted by category). */
    static List<Corpus.Doc> spread(List<Corpus.Doc> docs, int n) {
        List<Corpus.Doc> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(docs.get((int) ((long) i * docs.size() / n)));
        return out;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return opts;
    }
}

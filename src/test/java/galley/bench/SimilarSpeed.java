package galley.bench;

import galley.testing.Api;
import galley.testing.Corpus;
import galley.testing.GalleyClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The similar-posts speed benchmark: fills a running Galley with at least {@code --articles} real corpus
 * articles (Reuters, BBC News, BBC Sport in English, NTREX in English, Turkish and Russian linked as
 * translations; later rounds repeat them with varied titles), then measures a full recomputation, single
 * recomputations (median, p99) and {@code GET /api/articles/{slug}/similar} under concurrent load, next
 * to the article read it accompanies. Run by {@code src/test/bench/similar-speed.sh}.
 */
public final class SimilarSpeed {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = SimilarQuality.options(args);
        URI url = URI.create(opts.get("url"));
        Api admin = new Api(url.toURL()).as(opts.get("user"), opts.get("password"));
        Path corpus = Path.of(opts.getOrDefault("corpus", "../shared/corpus"));
        int wanted = Integer.parseInt(opts.getOrDefault("articles", "50000"));
        int loadSeconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "32"));
        GalleyClient galley = new GalleyClient(admin);
        String author = galley.author("Speed Benchmark");

        List<Corpus.Doc> english = new ArrayList<>();
        for (String f : List.of("reuters21578.jsonl.gz", "bbc-news.jsonl.gz", "bbc-sport.jsonl.gz")) {
            for (Corpus.Doc d : Corpus.read(corpus.resolve(f))) {
                if (d.body() != null && d.body().strip().length() >= 80) english.add(d);
            }
        }
        List<Corpus.Doc> parallel = Corpus.read(corpus.resolve("parallel/ntrex-en-tr-ru.jsonl.gz"));

        // --- import ---
        Instant before = Instant.now();
        long importStart = System.nanoTime();
        List<JsonObject> created = new ArrayList<>();
        Map<String, Integer> languages = new HashMap<>();
        for (int round = 1; created.size() < wanted; round++) {
            List<JsonObject> batch = new ArrayList<>();
            for (Corpus.Doc d : english) {
                if (created.size() + batch.size() >= wanted) break;
                batch.add(input(d, "en", round, author, null).build());
                if (batch.size() == 500) {
                    created.addAll(galley.importArticles(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) created.addAll(galley.importArticles(batch));
            // NTREX: the English originals, then their Turkish and Russian translations.
            Map<String, String> originalIds = new HashMap<>();
            List<Corpus.Doc> originals = parallel.stream().filter(d -> "en".equals(d.language())).toList();
            List<JsonObject> en = originals.stream().map(d -> input(d, "en", 0, author, null).build()).toList();
            List<JsonObject> enCreated = galley.importArticles(reTitled(en, round));
            for (int i = 0; i < originals.size(); i++) originalIds.put(originals.get(i).translationGroup(), enCreated.get(i).getString("id"));
            created.addAll(enCreated);
            List<JsonObject> translations = new ArrayList<>();
            for (Corpus.Doc d : parallel) {
                if ("en".equals(d.language())) continue;
                translations.add(input(d, d.language(), 0, author, originalIds.get(d.translationGroup())).build());
            }
            created.addAll(galley.importArticles(reTitled(translations, round)));
            System.out.printf("round %d: %d articles imported so far (%.0f s)%n", round, created.size(), (System.nanoTime() - importStart) / 1e9);
        }
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        created.forEach(c -> languages.merge(c.getString("language"), 1, Integer::sum));
        System.out.printf("imported %d articles %s in %.0f s (%.0f articles/s)%n", created.size(), languages, importSeconds,
                created.size() / importSeconds);

        System.out.println("waiting for the recomputations the imports started...");
        Instant importEnd = Instant.now();
        long fullMs = galley.awaitRecompute(before);
        JsonObject job = admin.get("api/admin/similar/recompute").expect(200).json();
        if (Instant.parse(job.getString("startedAt")).isBefore(importEnd.minusSeconds(1)) || job.getInt("total") < 2 * created.size()) {
            // The last one started before the import ended: time one of our own over everything.
            Instant fullStart = Instant.now();
            admin.post("api/admin/similar/recompute", Json.createObjectBuilder().build()).expect(202);
            fullMs = galley.awaitRecompute(fullStart);
        }
        System.out.printf("full recomputation of %d articles: %.1f s%n", created.size(), fullMs / 1000.0);

        // --- single recomputations, through the admin API (so including HTTP, transaction and store) ---
        Random random = new Random(42);
        List<Long> singles = new ArrayList<>();
        List<Long> onServer = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            String id = created.get(random.nextInt(created.size())).getString("id");
            long t0 = System.nanoTime();
            JsonObject done = admin.post("api/admin/similar/recompute", Json.createObjectBuilder().add("articleId", id).build()).expect(200).json();
            if (i >= 20) {
                singles.add(System.nanoTime() - t0);
                onServer.add((long) (done.getJsonNumber("tookMs").doubleValue() * 1e6));
            }
        }
        System.out.printf("single recomputation (%d articles): on the server, commit included: median %.1f ms, p99 %.1f ms; "
                        + "HTTP round trip: median %.1f ms, p99 %.1f ms%n", singles.size(), percentile(onServer, 50) / 1e6,
                percentile(onServer, 99) / 1e6, percentile(singles, 50) / 1e6, percentile(singles, 99) / 1e6);

        // --- reads under load ---
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            JsonObject c = created.get(random.nextInt(created.size()));
            slugs.add(c.getString("slug") + "?lang=" + c.getString("language"));
        }
        Api anonymous = admin.anonymous();
        JsonObject sample = created.get(0);
        String plain = anonymous.get("api/articles/" + sample.getString("slug")).expect(200).header("X-SQL-Statements");
        String withSimilar = anonymous.get("api/articles/" + sample.getString("slug") + "?include=similar").expect(200).header("X-SQL-Statements");
        String similarOnly = anonymous.get("api/articles/" + sample.getString("slug") + "/similar").expect(200).header("X-SQL-Statements");
        System.out.printf("SQL statements: article %s, article with include=similar %s, similar alone %s%n", plain, withSimilar, similarOnly);
        for (String scenario : List.of("api/articles/%s", "api/articles/%s/similar", "api/articles/%s&include=similar")) {
            load(url, slugs, scenario, connections, 5);
            Load result = load(url, slugs, scenario, connections, loadSeconds);
            System.out.printf("GET %-40s %d connections, %d s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
                    scenario.replace("%s", "{slug}").replace("&", "?"), connections, loadSeconds,
                    result.requests / (double) loadSeconds, result.p50 / 1e6, result.p99 / 1e6, result.errors);
        }
    }

    private static List<JsonObject> reTitled(List<JsonObject> inputs, int round) {
        if (round == 1) return inputs;
        return inputs.stream().map(o -> Json.createObjectBuilder(o).add("title", o.getString("title") + " (" + round + ")").build()).toList();
    }

    private static JsonObjectBuilder input(Corpus.Doc d, String language, int round, String author, String translationOf) {
        String title = d.title() == null || d.title().isBlank() ? d.id() : d.title().strip();
        if (title.length() > 280) title = title.substring(0, 280);
        if (round > 1) title = title + " (" + round + ")";
        String body = Corpus.markdown(d.body());
        JsonObjectBuilder o = Json.createObjectBuilder().add("language", language).add("title", title)
                .add("body", body.length() > 100_000 ? body.substring(0, 100_000) : body)
                .add("authors", Json.createArrayBuilder().add(author));
        if (translationOf != null) o.add("translationOf", translationOf);
        return o;
    }

    record Load(long requests, long errors, long p50, long p99) {
    }

    /** {@code connections} clients, each sending requests back to back for {@code seconds}. */
    static Load load(URI base, List<String> slugs, String pattern, int connections, int seconds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            for (int c = 0; c < connections; c++) {
                int seed = c;
                pool.execute(() -> {
                    Random random = new Random(seed);
                    long[] times = new long[1 << 20];
                    int n = 0;
                    while (System.nanoTime() < end && n < times.length) {
                        String slug = slugs.get(random.nextInt(slugs.size()));
                        String path = String.format(pattern, slug);
                        if (pattern.endsWith("/similar")) path = String.format(pattern, slug.substring(0, slug.indexOf('?'))) + slug.substring(slug.indexOf('?'));
                        HttpRequest request = HttpRequest.newBuilder(base.resolve("/" + path)).GET().build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) errors.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        times[n++] = System.nanoTime() - t0;
                    }
                    perClient.add(Arrays.copyOf(times, n));
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) return new Load(0, errors.get(), 0, 0);
        return new Load(all.length, errors.get(), all[all.length / 2], all[(int) Math.min(all.length - 1, all.length * 0.99)]);
    }

    private static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

package galley.bench;

import galley.testing.Api;
import galley.testing.Corpus;
import galley.testing.GalleyClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The Java half of {@code src/test/bench/read-speed.sh}, the read path against nginx.
 * <ul>
 *   <li>{@code seed --set synthetic|corpus ...}: fills a fresh Galley through the admin API with one data set
 *   (the deterministic one of {@code ../shared/bench-data/gen-dataset.mjs}, or real corpus articles with
 *   tags, one to three authors and translations), waits for the similar-posts recomputation the imports
 *   started, and writes the request paths of each read scenario ({@code SCENARIO.paths}, one a line) and
 *   a summary line ({@code seed.txt}).</li>
 *   <li>{@code snapshot --url U --paths F --out DIR}: fetches every path of F once and writes the body where
 *   the generated nginx.conf looks for it ({@code DIR/<path>/_<query>}); prints how many answered 200
 *   and the {@code X-SQL-Statements} they reported.</li>
 * </ul>
 * The corpus texts are read from {@code ../shared/corpus} at run time and never written into the repository.
 */
public final class ReadSpeed {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = SimilarQuality.options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "seed" -> seed(opts);
            case "snapshot" -> snapshot(opts);
            default -> throw new IllegalArgumentException("seed or snapshot, not " + args[0]);
        }
    }

    // ---------------------------------------------------------------- seeding

    private static void seed(Map<String, String> opts) throws Exception {
        URI url = URI.create(opts.get("url"));
        Api admin = new Api(url.toURL()).as(opts.get("user"), opts.get("password"));
        Path work = Path.of(opts.get("work"));
        Files.createDirectories(work);
        int articles = Integer.parseInt(opts.getOrDefault("articles", "10000"));
        int sample = Integer.parseInt(opts.getOrDefault("sample", "2000"));
        int batch = Integer.parseInt(opts.getOrDefault("batch", "1000"));
        String set = opts.get("set");
        Seeded seeded = switch (set) {
            case "synthetic" -> seedSynthetic(admin, Path.of(opts.get("dataset")), batch);
            case "corpus" -> seedCorpus(admin, Path.of(opts.get("corpus")), articles, batch);
            default -> throw new IllegalArgumentException("--set synthetic or corpus");
        };
        String summary = String.format(Locale.ROOT, "SEED set=%s articles=%d languages=%s authors=%d tags=%d seconds=%.1f rate=%.0f",
                set, seeded.articles().size(), seeded.languages().toString().replace(" ", ""), seeded.authorSlugs().size(), seeded.tagCount(),
                seeded.seconds(), seeded.articles().size() / seeded.seconds());
        System.out.println(summary);

        System.out.println("waiting for the similar-posts recomputation the import started...");
        long waitStart = System.nanoTime();
        // The recomputation that covers the last import starts after that import's request began (the
        // server debounces imports, and follows a running recomputation with another one).
        long fullMs = new GalleyClient(admin).awaitRecompute(LAST_IMPORT_START);
        summary += String.format(Locale.ROOT, " recompute_seconds=%.1f waited_seconds=%.1f", fullMs / 1000.0,
                (System.nanoTime() - waitStart) / 1e9);
        System.out.printf(Locale.ROOT, "similar posts recomputed in %.1f s%n", fullMs / 1000.0);
        Files.writeString(work.resolve("seed.txt"), summary + "\n");

        // --- the request paths of each scenario ---
        List<Created> picked = spread(seeded.articles(), sample);
        writePaths(work.resolve("article.paths"), picked.stream().map(c -> "/api/articles/" + c.slug() + c.langQuery("?")).toList());
        writePaths(work.resolve("similar.paths"), picked.stream().map(c -> "/api/articles/" + c.slug() + "/similar" + c.langQuery("?")).toList());
        int pages = Math.max(1, Math.min(500, (seeded.articles().size() + 19) / 20));
        List<String> list = new ArrayList<>();
        for (int p = 1; p <= pages; p++) list.add("/api/articles?size=20&page=" + p);
        writePaths(work.resolve("list.paths"), list);
        List<String> authors = new ArrayList<>();
        for (String slug : seeded.authorSlugs()) {
            authors.add("/api/authors/" + slug);
            authors.add("/api/authors/" + slug + "/articles?size=10");
        }
        writePaths(work.resolve("author.paths"), authors);
        List<String> search = new ArrayList<>();
        Path terms = Path.of(opts.get("terms"));
        for (String term : Files.exists(terms) ? Files.readAllLines(terms) : List.<String>of()) {
            if (!term.isBlank()) search.add("/api/search?q=" + term.strip() + "&lang=en");
        }
        if (search.isEmpty()) {
            // The generator writes no terms for small data sets: search for the last word of slugs instead.
            new LinkedHashSet<>(picked.stream().map(c -> c.slug().replaceAll("-\\d+$", ""))
                    .map(slug -> slug.substring(slug.lastIndexOf('-') + 1)).filter(w -> w.matches("[a-z]{3,}")).limit(100).toList())
                    .forEach(w -> search.add("/api/search?q=" + w + "&lang=en"));
        }
        writePaths(work.resolve("search.paths"), search);
        // Check the first path of each scenario now, so a wrong path fails here and not under load.
        Api anonymous = admin.anonymous();
        for (String scenario : List.of("article", "list", "author", "similar", "search")) {
            String first = Files.readAllLines(work.resolve(scenario + ".paths")).get(0);
            anonymous.get(first).expect(200);
        }
    }

    record Created(String id, String slug, String language) {
        String langQuery(String separator) {
            return "en".equals(language) ? "" : separator + "lang=" + language;
        }
    }

    record Seeded(List<Created> articles, List<String> authorSlugs, int tagCount, double seconds,
                  Map<String, Integer> languages) {
    }

    private static Seeded seedSynthetic(Api admin, Path dataset, int batch) throws IOException {
        long start = System.nanoTime();
        // Authors: one request each, as an editor would create them.
        Map<Integer, String> authorIds = new LinkedHashMap<>();
        List<String> authorSlugs = new ArrayList<>();
        JsonArray authors;
        try (JsonReader r = Json.createReader(Files.newBufferedReader(dataset.resolve("authors.json")))) {
            authors = r.readArray();
        }
        for (JsonValue v : authors) {
            JsonObject a = v.asJsonObject();
            JsonObjectBuilder input = Json.createObjectBuilder().add("slug", a.getString("slug")).add("name", a.getString("name"))
                    .add("defaultLanguage", "en")
                    .add("profiles", Json.createObjectBuilder().add("en", Json.createObjectBuilder()
                            .add("position", a.getString("position", "")).add("bio", a.getString("bio", ""))));
            if (a.containsKey("honorific") && !a.isNull("honorific")) input.add("honorific", a.getString("honorific"));
            JsonObject created = admin.post("api/admin/authors", input.build()).expect(201).json();
            authorIds.put(a.getInt("key"), created.getString("id"));
            authorSlugs.add(created.getString("slug"));
        }
        System.out.printf(Locale.ROOT, "created %d authors in %.1f s%n", authorIds.size(), (System.nanoTime() - start) / 1e9);

        List<Created> created = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        List<JsonObject> pending = new ArrayList<>();
        long pendingBytes = 0;
        try (BufferedReader in = Files.newBufferedReader(dataset.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                JsonObject a;
                try (JsonReader r = Json.createReader(new StringReader(line))) {
                    a = r.readObject();
                }
                JsonArrayBuilder articleTags = Json.createArrayBuilder();
                for (JsonString t : a.getJsonArray("tags").getValuesAs(JsonString.class)) {
                    articleTags.add(t.getString());
                    tags.add(t.getString());
                }
                String author = authorIds.get(a.getInt("author"));
                if (author == null) throw new IllegalStateException("no author " + a.get("author") + " for " + a.getString("slug"));
                pending.add(Json.createObjectBuilder().add("slug", a.getString("slug")).add("language", a.getString("language", "en"))
                        .add("title", a.getString("title")).add("excerpt", a.getString("excerpt")).add("body", a.getString("body"))
                        .add("tags", articleTags).add("authors", Json.createArrayBuilder().add(author))
                        .add("publishedAt", Instant.parse(a.getString("publishedDate")).toString()).build());
                pendingBytes += pending.get(pending.size() - 1).toString().length();
                if (pending.size() == batch || pendingBytes > MAX_REQUEST_CHARS) {
                    pendingBytes = 0;
                    created.addAll(importBatch(admin, pending, start));
                    pending.clear();
                }
            }
        }
        if (!pending.isEmpty()) created.addAll(importBatch(admin, pending, start));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Seeded(created, authorSlugs, tags.size(), seconds, languages(created));
    }

    private static final String[] FIRST = {"Aylin", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hana", "Ivan", "Julia",
            "Kemal", "Lena", "Marco", "Nadia", "Olga", "Pavel", "Rosa", "Selim", "Tamara", "Umut"};
    private static final String[] LAST = {"Arslan", "Petrova", "Wong", "Keller", "Demir", "Sokolova", "Okafor", "Lindqvist"};

    private static Seeded seedCorpus(Api admin, Path corpus, int wanted, int batch) throws IOException {
        long start = System.nanoTime();
        Random random = new Random(42);
        // 40 authors with profiles in English, Turkish and Russian.
        List<String> authorIds = new ArrayList<>();
        List<String> authorSlugs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = FIRST[i % FIRST.length] + " " + LAST[i % LAST.length];
            JsonObject input = Json.createObjectBuilder().add("name", name).add("defaultLanguage", i % 5 == 0 ? "tr" : "en")
                    .add("profiles", Json.createObjectBuilder()
                            .add("en", Json.createObjectBuilder().add("position", "Correspondent").add("organisation", "Galley Wire")
                                    .add("bio", name + " reports on markets, politics and sport for the benchmark desk."))
                            .add("tr", Json.createObjectBuilder().add("position", "Muhabir").add("organisation", "Galley Ajans"))
                            .add("ru", Json.createObjectBuilder().add("position", "Корреспондент").add("organisation", "Галли")))
                    .build();
            JsonObject created = admin.post("api/admin/authors", input).expect(201).json();
            authorIds.add(created.getString("id"));
            authorSlugs.add(created.getString("slug"));
        }

        List<Corpus.Doc> parallel = Corpus.read(corpus.resolve("parallel/ntrex-en-tr-ru.jsonl.gz"));
        List<Corpus.Doc> bbcNews = Corpus.read(corpus.resolve("bbc-news.jsonl.gz"));
        List<Corpus.Doc> bbcSport = Corpus.read(corpus.resolve("bbc-sport.jsonl.gz"));
        int room = Math.max(0, wanted - parallel.size());
        List<JsonObject> english = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        Instant bbcDate = Instant.parse("2004-01-05T08:00:00Z");
        for (Corpus.Doc d : bbcNews) {
            if (english.size() >= room) break;
            english.add(article(d.title(), d.body(), "en", List.of(d.label(), "bbc-news", "uk"), authors(authorIds, random),
                    bbcDate = bbcDate.plusSeconds(3 * 3600), null, tags));
        }
        for (Corpus.Doc d : bbcSport) {
            if (english.size() >= room) break;
            english.add(article(d.title(), d.body(), "en", List.of(d.label(), "sport", "bbc-sport"), authors(authorIds, random),
                    bbcDate = bbcDate.plusSeconds(3 * 3600), null, tags));
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus.resolve("reuters21578.jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && english.size() < room; line = in.readLine()) {
                JsonObject o;
                try (JsonReader r = Json.createReader(new StringReader(line))) {
                    o = r.readObject();
                }
                String body = o.isNull("body") ? null : o.getString("body");
                if (body == null || body.strip().length() < 80) continue;
                List<String> t = new ArrayList<>();
                t.add("reuters");
                for (String field : List.of("topics", "places", "orgs")) {
                    for (JsonString s : o.getJsonArray(field).getValuesAs(JsonString.class)) if (t.size() < 8) t.add(s.getString());
                }
                Instant date = o.isNull("date_iso") ? null : Instant.parse(o.getString("date_iso") + "Z");
                String title = o.isNull("title") ? null : o.getString("title");
                english.add(article(title, body, "en", t, authors(authorIds, random), date, null, tags));
            }
        }
        List<Created> created = new ArrayList<>(importAll(admin, english, batch, start));
        // NTREX: the English originals, then the Turkish and Russian translations linked to them.
        Instant ntrexDate = Instant.parse("2019-01-07T09:00:00Z");
        List<Corpus.Doc> originals = parallel.stream().filter(d -> "en".equals(d.language())).toList();
        Map<String, List<String>> groupAuthors = new LinkedHashMap<>();
        Map<String, Instant> groupDates = new LinkedHashMap<>();
        List<JsonObject> en = new ArrayList<>();
        for (Corpus.Doc d : originals) {
            groupAuthors.put(d.translationGroup(), authors(authorIds, random));
            groupDates.put(d.translationGroup(), ntrexDate = ntrexDate.plusSeconds(5 * 3600));
            en.add(article(d.title(), d.body(), "en", List.of("ntrex", "world"), groupAuthors.get(d.translationGroup()),
                    groupDates.get(d.translationGroup()), null, tags));
        }
        List<Created> enCreated = importAll(admin, en, batch, start);
        created.addAll(enCreated);
        Map<String, String> originalIds = new LinkedHashMap<>();
        for (int i = 0; i < originals.size(); i++) originalIds.put(originals.get(i).translationGroup(), enCreated.get(i).id());
        List<JsonObject> translations = new ArrayList<>();
        for (Corpus.Doc d : parallel) {
            if ("en".equals(d.language())) continue;
            String group = d.translationGroup();
            translations.add(article(d.title(), d.body(), d.language(), List.of("ntrex", "world"), groupAuthors.get(group),
                    groupDates.get(group), originalIds.get(group), tags));
        }
        created.addAll(importAll(admin, translations, batch, start));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Seeded(created, authorSlugs, tags.size(), seconds, languages(created));
    }

    private static List<String> authors(List<String> ids, Random random) {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, 1 + random.nextInt(3));
    }

    private static JsonObject article(String title, String body, String language, List<String> tags, List<String> authors,
                                      Instant publishedAt, String translationOf, Set<String> allTags) {
        String t = title == null || title.isBlank() ? body.strip().lines().findFirst().orElse("Untitled") : title.strip();
        if (t.length() > 300) t = t.substring(0, 300);
        String markdown = Corpus.markdown(body);
        JsonArrayBuilder tagArray = Json.createArrayBuilder();
        new LinkedHashSet<>(tags).stream().filter(s -> s != null && !s.isBlank()).forEach(s -> {
            tagArray.add(s);
            allTags.add(s);
        });
        JsonArrayBuilder authorArray = Json.createArrayBuilder();
        authors.forEach(authorArray::add);
        JsonObjectBuilder o = Json.createObjectBuilder().add("language", language).add("title", t)
                .add("body", markdown.length() > 200_000 ? markdown.substring(0, 200_000) : markdown)
                .add("tags", tagArray).add("authors", authorArray);
        if (publishedAt != null) o.add("publishedAt", publishedAt.toString());
        if (translationOf != null) o.add("translationOf", translationOf);
        return o.build();
    }

    /**
     * Request bodies stay under this many characters: a request of 1,000 synthetic articles (about 7 MB) ended
     * with the connection closed and no answer (seen once here, cause not pinned down: a POST size limit of
     * the HTTP listener, or the JDK client's h2c upgrade on a big body); requests under 1.5 MB work.
     */
    static final int MAX_REQUEST_CHARS = Integer.getInteger("maxRequestChars", 1_500_000);

    private static List<Created> importAll(Api admin, List<JsonObject> articles, int batch, long start) {
        List<Created> created = new ArrayList<>();
        List<JsonObject> pending = new ArrayList<>();
        long chars = 0;
        for (JsonObject a : articles) {
            int size = a.toString().length();
            if (!pending.isEmpty() && (pending.size() == batch || chars + size > MAX_REQUEST_CHARS)) {
                created.addAll(importBatch(admin, pending, start));
                pending.clear();
                chars = 0;
            }
            pending.add(a);
            chars += size;
        }
        if (!pending.isEmpty()) created.addAll(importBatch(admin, pending, start));
        return created;
    }

    private static List<Created> importBatch(Api admin, List<JsonObject> articles, long start) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        articles.forEach(array::add);
        LAST_IMPORT_START = Instant.now().minusSeconds(1);
        Api.Reply reply = admin.post("api/admin/articles/import",
                Json.createObjectBuilder().add("articles", array).add("publish", true).build());
        if (reply.status() != 201) {
            String body = reply.body();
            throw new AssertionError("import of " + articles.size() + " articles: " + reply.status() + "\n"
                    + (body.length() > 2000 ? body.substring(0, 2000) : body));
        }
        List<Created> created = reply.json().getJsonArray("created").getValuesAs(JsonObject.class).stream()
                .map(c -> new Created(c.getString("id"), c.getString("slug"), c.getString("language"))).toList();
        IMPORTED.addAndGet(created.size());
        System.out.printf(Locale.ROOT, "  imported %d articles (%.0f s)%n", IMPORTED.get(), (System.nanoTime() - start) / 1e9);
        return created;
    }

    private static final AtomicInteger IMPORTED = new AtomicInteger();
    private static volatile Instant LAST_IMPORT_START = Instant.EPOCH;

    private static Map<String, Integer> languages(List<Created> created) {
        Map<String, Integer> languages = new java.util.TreeMap<>();
        created.forEach(c -> languages.merge(c.language(), 1, Integer::sum));
        return languages;
    }

    /** {@code n} items spread evenly over the list, in a shuffled (seeded) order so neighbours differ. */
    private static <T> List<T> spread(List<T> all, int n) {
        List<T> picked = new ArrayList<>();
        if (all.size() <= n) picked.addAll(all);
        else for (int i = 0; i < n; i++) picked.add(all.get((int) ((long) i * all.size() / n)));
        Collections.shuffle(picked, new Random(7));
        return picked;
    }

    private static void writePaths(Path file, List<String> paths) throws IOException {
        Files.write(file, paths, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- static snapshot for nginx

    private static void snapshot(Map<String, String> opts) throws Exception {
        URI base = URI.create(opts.get("url"));
        List<String> paths = Files.readAllLines(Path.of(opts.get("paths"))).stream().filter(s -> !s.isBlank()).toList();
        Path out = Path.of(opts.get("out"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statements = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (String path : paths) {
            pool.execute(() -> {
                try {
                    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        failures.add(r.statusCode() + " " + path);
                        return;
                    }
                    r.headers().firstValue("X-SQL-Statements").ifPresent(s -> statements.add(Integer.parseInt(s.strip())));
                    sizes.add(r.body().length);
                    Path file = staticFile(out, path);
                    Files.createDirectories(file.getParent());
                    Files.write(file, r.body());
                } catch (IOException e) {
                    failures.add(e + " " + path);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) throw new IllegalStateException("snapshot did not finish");
        List<Integer> counts = new ArrayList<>(statements);
        Collections.sort(counts);
        System.out.printf(Locale.ROOT, "SNAPSHOT paths=%d ok=%d failed=%d seconds=%.1f sql_median=%s sql_max=%s bytes_avg=%.0f%n",
                paths.size(), sizes.size(), failures.size(), (System.nanoTime() - start) / 1e9,
                counts.isEmpty() ? "-" : counts.get(counts.size() / 2), counts.isEmpty() ? "-" : counts.get(counts.size() - 1),
                sizes.stream().mapToInt(Integer::intValue).average().orElse(0));
        failures.stream().limit(5).forEach(f -> System.out.println("  not 200: " + f));
    }

    /** Where nginx finds a path: {@code try_files /$uri/_$args} in the generated configuration. */
    static Path staticFile(Path root, String path) {
        int q = path.indexOf('?');
        String uri = q < 0 ? path : path.substring(0, q);
        String args = q < 0 ? "" : path.substring(q + 1);
        return root.resolve(uri.substring(1)).resolve("_" + args);
    }
}

package galley.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What benchmarks and the quality test do through Galley's admin API: import a corpus, wait for similar posts. */
public final class GalleyClient {

    private final Api admin;

    public GalleyClient(Api admin) {
        this.admin = admin;
    }

    /** Creates an author for imported articles; returns its id. */
    public String author(String name) {
        return admin.post("api/admin/authors", Json.createObjectBuilder().add("name", name).add("defaultLanguage", "en")
                .add("profiles", Json.createObjectBuilder().add("en", Json.createObjectBuilder().add("bio", "Imported corpus.")))
                .build()).expect(201).json().getString("id");
    }

    /**
     * Imports documents as published articles in {@code language} (title and body only: the corpus label
     * never reaches Galley); returns the slug each document got, by document id.
     */
    public Map<String, String> importDocs(List<Corpus.Doc> docs, String language, String authorId, int batch) {
        Map<String, String> slugs = new HashMap<>();
        for (int from = 0; from < docs.size(); from += batch) {
            List<Corpus.Doc> part = docs.subList(from, Math.min(docs.size(), from + batch));
            JsonArrayBuilder articles = Json.createArrayBuilder();
            for (Corpus.Doc d : part) {
                articles.add(Json.createObjectBuilder()
                        .add("language", language)
                        .add("title", truncate(d.title() == null || d.title().isBlank() ? d.id() : d.title().strip(), 300))
                        .add("body", truncate(Corpus.markdown(d.body()), 200_000))
                        .add("authors", Json.createArrayBuilder().add(authorId)));
            }
            JsonObject result = admin.post("api/admin/articles/import",
                    Json.createObjectBuilder().add("articles", articles).add("publish", true).build()).expect(201).json();
            for (int i = 0; i < part.size(); i++) {
                slugs.put(part.get(i).id(), result.getJsonArray("created").getJsonObject(i).getString("slug"));
            }
        }
        return slugs;
    }

    /** Imports ready-made article inputs (at most 1000), published; returns what was created, in order. */
    public List<JsonObject> importArticles(List<JsonObject> articles) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        articles.forEach(array::add);
        JsonObject result = admin.post("api/admin/articles/import",
                Json.createObjectBuilder().add("articles", array).add("publish", true).build()).expect(201).json();
        return result.getJsonArray("created").getValuesAs(JsonObject.class);
    }

    /** Waits until a full recomputation that started after {@code since} has finished; returns its duration in ms. */
    public long awaitRecompute(Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(30);
        while (true) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no full recomputation finished within 30 minutes");
            Api.Reply latest = admin.get("api/admin/similar/recompute");
            if (latest.status() == 200) {
                JsonObject job = latest.json();
                Instant started = Instant.parse(job.getString("startedAt"));
                if (!started.isBefore(since) && !"RUNNING".equals(job.getString("status"))) {
                    Thread.sleep(1500);
                    JsonObject again = admin.get("api/admin/similar/recompute").expect(200).json();
                    if (again.getString("id").equals(job.getString("id"))) {
                        if (!"DONE".equals(job.getString("status"))) throw new IllegalStateException("recompute failed: " + job);
                        return java.time.Duration.between(started, Instant.parse(job.getString("finishedAt"))).toMillis();
                    }
                    continue;
                }
            }
            Thread.sleep(500);
        }
    }

    /** The similar posts of an article, as document ids, longest list the API gives. */
    public List<String> similar(String slug, String language, Map<String, String> docBySlug) {
        Api.Reply reply = admin.anonymous().get("api/articles/" + slug + "/similar?limit=20&lang=" + language).expect(200);
        List<String> ids = new ArrayList<>();
        reply.json().getJsonArray("items").forEach(v -> {
            String doc = docBySlug.get(v.asJsonObject().getString("slug"));
            if (doc != null) ids.add(doc);
        });
        return ids;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package galley.similar.control;

import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.search.control.IndexedLanguage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * The article index of the OpenSearch backend: term vectors and document frequencies from the
 * {@code _termvectors} API (one shard, so its term statistics are the index's), more-like-this candidates
 * from OpenSearch's {@code more_like_this} query through Hibernate Search's Elasticsearch extension, with
 * the fields, boosts and parameters {@link LuceneIndexSnapshot} gives Lucene's MoreLikeThis. Not a
 * point-in-time snapshot: each call reads the index as it is then.
 */
final class OpenSearchIndexSnapshot implements IndexSnapshot {

    private final SearchSession session;
    private final RestClient client;
    private final String index;
    private int numDocs = -1;
    /** Document frequencies of the terms of the articles read last (the term vectors API returns them). */
    private final Map<String, Map<String, Integer>> docFreqs = new HashMap<>();

    OpenSearchIndexSnapshot(SearchSession session, RestClient client, String readName) {
        this.session = session;
        this.client = client;
        this.index = readName;
    }

    @Override
    public int numDocs() {
        if (numDocs < 0) numDocs = (int) session.search(Article.class).where(f -> f.matchAll()).fetchTotalHitCount();
        return numDocs;
    }

    @Override
    public Map<String, Map<String, Double>> terms(UUID article, List<String> fields) {
        Request request = new Request("GET", "/" + index + "/_termvectors/" + article);
        request.addParameter("fields", String.join(",", fields));
        request.addParameter("term_statistics", "true");
        request.addParameter("field_statistics", "false");
        request.addParameter("positions", "false");
        request.addParameter("offsets", "false");
        request.addParameter("payloads", "false");
        JsonObject answer = call(request);
        if (!answer.getBoolean("found", false)) return null;
        Map<String, Map<String, Double>> terms = new HashMap<>();
        JsonObject vectors = answer.containsKey("term_vectors") ? answer.getJsonObject("term_vectors") : JsonValue.EMPTY_JSON_OBJECT;
        // Bounded: only the terms of the articles of one computation are needed at a time.
        if (docFreqs.values().stream().mapToInt(Map::size).sum() > 200_000) docFreqs.clear();
        for (String field : vectors.keySet()) {
            JsonObject fieldTerms = vectors.getJsonObject(field).getJsonObject("terms");
            if (fieldTerms == null) continue;
            Map<String, Double> counts = new HashMap<>();
            Map<String, Integer> frequencies = docFreqs.computeIfAbsent(field, f -> new HashMap<>());
            for (Map.Entry<String, JsonValue> term : fieldTerms.entrySet()) {
                JsonObject stats = term.getValue().asJsonObject();
                counts.put(term.getKey(), (double) stats.getInt("term_freq", 1));
                frequencies.put(term.getKey(), stats.getInt("doc_freq", 1));
            }
            terms.put(field, counts);
        }
        return terms;
    }

    @Override
    public int docFreq(String field, String term) {
        Integer known = docFreqs.getOrDefault(field, Map.of()).get(term);
        if (known != null) return known;
        // Not among the terms read: ask the index (the engine only asks for terms it has just read).
        Request request = new Request("POST", "/" + index + "/_count");
        request.setJsonEntity(Json.createObjectBuilder().add("query", Json.createObjectBuilder().add("term",
                Json.createObjectBuilder().add(field, term))).build().toString());
        return call(request).getInt("count", 0);
    }

    @Override
    public List<UUID> moreLikeThis(UUID source, String languageTag, UUID translationGroup, IndexedLanguage language, int limit) {
        Like like = SimilarityModel.LIKE;
        var should = Json.createArrayBuilder()
                .add(likeClause(source, language.titleField(), like.titleBoost()))
                .add(likeClause(source, language.textField(), like.textBoost()))
                .add(likeClause(source, language.tagsField(), like.tagsBoost()));
        String json = Json.createObjectBuilder().add("bool", Json.createObjectBuilder().add("should", should)).build().toString();
        return session.search(Article.class).extension(ElasticsearchExtension.get())
                .select(f -> f.id(UUID.class))
                .where(f -> f.bool(b -> {
                    b.must(f.fromJson(json));
                    b.filter(f.match().field("language").matching(languageTag));
                    b.filter(f.match().field("status").matching(ArticleStatus.PUBLISHED));
                    b.mustNot(f.id().matching(source));
                    if (translationGroup != null) b.mustNot(f.match().field("translationGroup").matching(translationGroup));
                }))
                .fetchHits(limit);
    }

    /** OpenSearch's more_like_this on one field, set as Lucene's MoreLikeThis is in LuceneIndexSnapshot. */
    private JsonObject likeClause(UUID source, String field, double boost) {
        Like like = SimilarityModel.LIKE;
        return Json.createObjectBuilder().add("more_like_this", Json.createObjectBuilder()
                .add("fields", Json.createArrayBuilder().add(field))
                .add("like", Json.createArrayBuilder().add(Json.createObjectBuilder().add("_index", index).add("_id", source.toString())))
                .add("min_term_freq", like.minTermFreq())
                .add("min_doc_freq", like.minDocFreq())
                .add("max_query_terms", like.maxQueryTerms())
                // MoreLikeThis.setBoost(true): each term weighted by its tf-idf score, boost factor 1.
                .add("boost_terms", 1)
                // Lucene's query is a plain disjunction; OpenSearch would ask for 30% of the terms by default.
                .add("minimum_should_match", "1")
                .add("include", false)
                .add("boost", boost)).build();
    }

    private JsonObject call(Request request) {
        try {
            Response response = client.performRequest(request);
            byte[] body = response.getEntity().getContent().readAllBytes();
            try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search cluster did not answer " + request.getMethod() + " " + request.getEndpoint(), e);
        }
    }
}

package galley.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import galley.testing.OpenSearchNode;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Holds the OpenSearch backend's analysis to the Lucene backend's on a running node (used by
 * {@code galley.cluster.ClusterIT}, which runs the clustered configuration): search and similar posts must
 * not depend on the backend.
 */
public final class OpenSearchAnalyzersCheck {

    private OpenSearchAnalyzersCheck() {
    }

    /** OpenSearch's analyzers (OpenSearchAnalysis) give the terms Lucene's (LanguageAnalysis) give. */
    public static void assertMatchLucene(OpenSearchNode search) throws Exception {
        Map<IndexedLanguage, String> texts = Map.of(
                IndexedLanguage.ENGLISH, "The ferry's crossings were delayed: ports' capacities and the securities of Baku.",
                IndexedLanguage.TURKISH, "İstanbul'da ILIK bir kış; Iğdır'ın ışıkları ve limanların kapasitesi.",
                IndexedLanguage.RUSSIAN, "Учения ОДКБ в Казахстане прошли у паромных переправ.",
                IndexedLanguage.OTHER, "Çà et là, Straße über Brücken");
        for (var e : texts.entrySet()) {
            Analyzer text = LanguageAnalysis.textAnalyzer(e.getKey());
            assertEquals(lucene(text, e.getValue()), opensearch(search, e.getKey().analyzer(), e.getValue()), e.getKey() + " words");
            assertEquals(lucene(new ShingleAnalyzerWrapper(text, 2, 2, " ", false, true, ""), e.getValue()),
                    opensearch(search, e.getKey().pairAnalyzer(), e.getValue()), e.getKey() + " word pairs");
        }
    }

    private static List<String> lucene(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        }
        return terms;
    }

    private static List<String> opensearch(OpenSearchNode search, String analyzer, String text) throws Exception {
        String body = Json.createObjectBuilder().add("analyzer", analyzer).add("text", text).build().toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(search.url() + "/article-read/_analyze"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new java.io.StringReader(response.body())).readObject().getJsonArray("tokens").stream()
                .map(t -> t.asJsonObject().getString("token")).toList();
    }
}

package galley.search.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link LanguageAnalysis}, defined for OpenSearch (or Elasticsearch) with the same Lucene
 * components in the same order, so that both backends index the same terms: the same stems come back as
 * "why" words, and {@code SimilarityModel.surfaceForms} (which analyses locally with Lucene) finds them.
 * Registered by {@link SearchSettings} when {@code galley.search.backend=opensearch}.
 */
public class OpenSearchAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        // English: possessives, lower case, Snowball's stop words (not Lucene's 33), KStem.
        context.tokenFilter("galley_english_possessive").type("stemmer").param("language", "possessive_english");
        context.tokenFilter("galley_english_stop").type("stop").param("stopwords", snowballStopWords("english_stop.txt"));
        // Turkish as Lucene's TurkishAnalyzer: apostrophes, Turkish lower case, its stop words, Snowball's stemmer.
        context.tokenFilter("galley_turkish_lowercase").type("lowercase").param("language", "turkish");
        context.tokenFilter("galley_turkish_stop").type("stop").param("stopwords", "_turkish_");
        context.tokenFilter("galley_turkish_stemmer").type("snowball").param("language", "Turkish");
        // Russian as Lucene's RussianAnalyzer: lower case, Snowball's stop words and stemmer.
        context.tokenFilter("galley_russian_stop").type("stop").param("stopwords", "_russian_");
        context.tokenFilter("galley_russian_stemmer").type("snowball").param("language", "Russian");
        // Word pairs as ShingleAnalyzerWrapper(text, 2, 2, " ", false, true, ""): bigrams only, no filler.
        context.tokenFilter("galley_pairs").type("shingle")
                .param("min_shingle_size", 2).param("max_shingle_size", 2)
                .param("output_unigrams", false).param("output_unigrams_if_no_shingles", true)
                .param("token_separator", " ").param("filler_token", "");

        for (IndexedLanguage language : IndexedLanguage.values()) {
            String[] filters = filters(language);
            context.analyzer(language.analyzer()).custom().tokenizer("standard").tokenFilters(filters);
            String[] pairs = java.util.Arrays.copyOf(filters, filters.length + 1);
            pairs[filters.length] = "galley_pairs";
            context.analyzer(language.pairAnalyzer()).custom().tokenizer("standard").tokenFilters(pairs);
        }
    }

    private static String[] filters(IndexedLanguage language) {
        return switch (language) {
            case ENGLISH -> new String[] {"galley_english_possessive", "lowercase", "galley_english_stop", "kstem"};
            case TURKISH -> new String[] {"apostrophe", "galley_turkish_lowercase", "galley_turkish_stop", "galley_turkish_stemmer"};
            case RUSSIAN -> new String[] {"lowercase", "galley_russian_stop", "galley_russian_stemmer"};
            case OTHER -> new String[] {"lowercase", "asciifolding"};
        };
    }

    /** The words of one of the Snowball stop-word lists Lucene ships (as LanguageAnalysis uses them). */
    static String[] snowballStopWords(String file) {
        List<String> words = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comment = line.indexOf('|');
                String text = comment >= 0 ? line.substring(0, comment) : line;
                for (String word : text.trim().split("\\s+")) {
                    if (!word.isEmpty()) words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.toArray(String[]::new);
    }
}

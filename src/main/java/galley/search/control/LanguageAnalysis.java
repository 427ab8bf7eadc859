package galley.search.control;

import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The index's analyzers, one set per {@link IndexedLanguage}: Lucene's Turkish analyzer (apostrophes,
 * Turkish lower-casing of İ/I and ı/i, stop words, Snowball stemming), its Russian analyzer, an English
 * analyzer with KStem (whose stems are real words, so they can be shown as "why"), and a generic one.
 * Each also has a word-pair variant for phrases. Registered with
 * {@code hibernate.search.backend.analysis.configurer}.
 */
public class LanguageAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        for (IndexedLanguage language : IndexedLanguage.values()) {
            // Hibernate Search gets instances of its own: it closes them when it stops.
            context.analyzer(language.analyzer()).instance(newTextAnalyzer(language));
            context.analyzer(language.pairAnalyzer()).instance(pairs(newTextAnalyzer(language)));
        }
    }

    private static final Map<IndexedLanguage, Analyzer> SHARED = new EnumMap<>(IndexedLanguage.class);

    static {
        for (IndexedLanguage language : IndexedLanguage.values()) SHARED.put(language, newTextAnalyzer(language));
    }

    /** The analyzer for running text in {@code language}, shared (Lucene analyzers are thread-safe). */
    public static Analyzer textAnalyzer(IndexedLanguage language) {
        return SHARED.get(language);
    }

    private static Analyzer newTextAnalyzer(IndexedLanguage language) {
        return switch (language) {
            case ENGLISH -> new English();
            case TURKISH -> new TurkishAnalyzer();
            case RUSSIAN -> new RussianAnalyzer();
            case OTHER -> new Generic();
        };
    }

    private static Analyzer pairs(Analyzer text) {
        // Bigrams only, no unigrams; stop-word gaps leave no filler token.
        return new ShingleAnalyzerWrapper(text, 2, 2, " ", false, true, "");
    }

    /** English with KStem rather than Porter: "security" stays "security", not "secur". */
    static final class English extends Analyzer {
        // Snowball's list (about 170 words) rather than Lucene's 33: fewer function words in the similarity.
        private static final CharArraySet STOP = snowballStopWords("english_stop.txt");

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, STOP);
            result = new KStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** A stop-word list of the Snowball project, shipped with Lucene. */
    static CharArraySet snowballStopWords(String file) {
        try (var in = new java.io.InputStreamReader(
                org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream(file),
                java.nio.charset.StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Any other language: words lower-cased and folded to ASCII where they have an equivalent. */
    static final class Generic extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new ASCIIFoldingFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}

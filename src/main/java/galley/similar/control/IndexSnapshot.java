package galley.similar.control;

import galley.search.control.IndexedLanguage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the similarity engine reads from the article index, whichever backend holds it: an article's
 * indexed terms with their counts (term vectors), how many articles hold a term, and more-like-this
 * candidates. One implementation per backend ({@link LuceneIndexSnapshot}, {@link OpenSearchIndexSnapshot});
 * {@link SimilarityIndex} opens the one the configured backend needs. Used by one thread at a time.
 */
interface IndexSnapshot {

    /** Articles in the index (every status): the N of the inverse document frequency. */
    int numDocs();

    /**
     * The article's indexed terms in {@code fields}: per field, each term with its count in the article.
     * Null when the article is not in the index.
     */
    Map<String, Map<String, Double>> terms(UUID article, List<String> fields);

    /** How many articles hold {@code term} in {@code field}. */
    int docFreq(String field, String term);

    /**
     * Up to {@code limit} published articles in the source's language, outside its translation group and
     * not the source itself, most like it first: more-like-this over its title, text and tags with the
     * boosts and parameters of {@link SimilarityModel#LIKE}.
     */
    List<UUID> moreLikeThis(UUID source, String languageTag, UUID translationGroup, IndexedLanguage language, int limit);

    /** The more-like-this settings both backends apply (Lucene's MoreLikeThis, OpenSearch's more_like_this). */
    record Like(int minTermFreq, int minDocFreq, int maxQueryTerms, double titleBoost, double textBoost, double tagsBoost) {
    }
}

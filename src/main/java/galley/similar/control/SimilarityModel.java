package galley.similar.control;

import galley.search.control.IndexedLanguage;
import galley.search.control.LanguageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Galley's similar-posts engine, over one snapshot of the article index.
 * <ol>
 * <li>Candidates: Lucene {@link MoreLikeThis} on the source's title, text and tags (per-field boosts),
 * restricted to published articles in the source's language outside its translation group.</li>
 * <li>Base similarity: cosine of TF-IDF vectors (sublinear term frequency) over title and tag words
 * (weight 2), running-text words and word pairs (weight 1), read from the index's term vectors.</li>
 * <li>Neighbourhood smoothing: a candidate also scores by how similar the source is to that candidate's
 * own similar posts: {@code score(i,j) = cos(i,j) + γ · mean over k in list(j) of cos(i,k)}. Articles of
 * the same kind cluster, so this lifts candidates that sit in the source's neighbourhood over ones
 * that merely share a few words.</li>
 * </ol>
 * Not thread-safe; one instance per computation batch. Norms are cached across instances by the caller.
 */
public final class SimilarityModel {

    public static final int CANDIDATES = 100;
    public static final int KEEP = 20;
    public static final double GAMMA = 1.5;
    static final double TITLE_WEIGHT = 2.0;
    static final double TEXT_WEIGHT = 1.0;
    static final double TAGS_WEIGHT = 2.0;
    static final double PAIRS_WEIGHT = 1.0;
    private static final int WHY_TERMS = 4;

    /** A candidate with its base (cosine) similarity and the terms that contributed most. */
    public record Candidate(UUID id, double similarity, List<String> sharedTerms) {
    }

    /** The base similarities of one source to its candidates. */
    public record Base(UUID source, List<Candidate> candidates) {
        public Map<UUID, Double> similarities() {
            Map<UUID, Double> map = new HashMap<>();
            candidates.forEach(c -> map.put(c.id(), c.similarity()));
            return map;
        }
    }

    /** A final entry: score after smoothing, and up to four shared terms as the "why". */
    public record Ranked(UUID id, double score, List<String> why) {
    }

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final TermVectors termVectors;
    private final Map<UUID, Double> norms;
    private final int numDocs;

    /**
     * @param reader a snapshot of the article index
     * @param norms  a cache of document vector norms by article id, shared between snapshots; entries of
     *               changed articles must be removed by the caller
     */
    public SimilarityModel(IndexReader reader, Map<UUID, Double> norms) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.norms = norms;
        this.numDocs = Math.max(1, reader.numDocs());
        try {
            this.termVectors = reader.termVectors();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Lucene document of an article in this snapshot. */
    public Optional<Integer> docOf(UUID articleId) {
        try {
            TopDocs hit = searcher.search(new TermQuery(new Term(IndexFields.ID, articleId.toString())), 1);
            return hit.scoreDocs.length == 0 ? Optional.empty() : Optional.of(hit.scoreDocs[0].doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Candidates of {@code source} with their base similarity, best first; empty when it is not indexed. */
    public Base base(UUID source, String languageTag, UUID translationGroup, int limit) {
        Optional<Integer> doc = docOf(source);
        if (doc.isEmpty()) return new Base(source, List.of());
        IndexedLanguage language = IndexedLanguage.of(languageTag);
        try {
            Map<String, Double> query = vector(doc.get(), language);
            double queryNorm = norm(query);
            if (queryNorm == 0) return new Base(source, List.of());
            Query mlt = likeQuery(doc.get(), language);
            if (mlt == null) return new Base(source, List.of());
            BooleanQuery.Builder q = new BooleanQuery.Builder()
                    .add(mlt, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.LANGUAGE, languageTag)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.STATUS, IndexFields.PUBLISHED)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, source.toString())), BooleanClause.Occur.MUST_NOT);
            if (translationGroup != null) {
                q.add(new TermQuery(new Term(IndexFields.TRANSLATION_GROUP, translationGroup.toString())), BooleanClause.Occur.MUST_NOT);
            }
            TopDocs top = searcher.search(q.build(), limit);
            List<Candidate> candidates = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                UUID id = UUID.fromString(reader.storedFields().document(hit.doc).get(IndexFields.ID));
                candidates.add(cosine(query, queryNorm, hit.doc, id, language));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
            return new Base(source, candidates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The final list: candidates re-scored with their neighbourhoods, best {@code keep} first.
     *
     * @param neighbours a candidate's own similar posts (computed earlier), or an empty list
     */
    public static List<Ranked> rank(Base base, Function<UUID, List<UUID>> neighbours, int keep) {
        Map<UUID, Double> similarity = base.similarities();
        List<Ranked> ranked = new ArrayList<>(base.candidates().size());
        for (Candidate c : base.candidates()) {
            List<UUID> around = neighbours.apply(c.id());
            double smooth = 0;
            if (!around.isEmpty()) {
                double sum = 0;
                for (UUID k : around) sum += similarity.getOrDefault(k, 0.0);
                smooth = GAMMA * sum / around.size();
            }
            ranked.add(new Ranked(c.id(), c.similarity() + smooth, c.sharedTerms()));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::id));
        return ranked.size() > keep ? List.copyOf(ranked.subList(0, keep)) : ranked;
    }

    private Query likeQuery(int doc, IndexedLanguage language) throws IOException {
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += addLike(like, doc, language.titleField(), TITLE_WEIGHT, language);
        clauses += addLike(like, doc, language.textField(), TEXT_WEIGHT, language);
        clauses += addLike(like, doc, language.tagsField(), TAGS_WEIGHT, language);
        return clauses == 0 ? null : like.build();
    }

    private int addLike(BooleanQuery.Builder like, int doc, String field, double boost, IndexedLanguage language) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setFieldNames(new String[] {field});
        mlt.setAnalyzer(LanguageAnalysis.textAnalyzer(language));
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        Query q = mlt.like(doc);
        if (q instanceof BooleanQuery b && b.clauses().isEmpty()) return 0;
        like.add(new BoostQuery(q, (float) boost), BooleanClause.Occur.SHOULD);
        return 1;
    }

    private Candidate cosine(Map<String, Double> query, double queryNorm, int doc, UUID id, IndexedLanguage language) throws IOException {
        double dot = 0;
        PriorityQueue<Map.Entry<String, Double>> best = new PriorityQueue<>(Map.Entry.comparingByValue());
        Map<String, Double> contributions = new HashMap<>();
        for (String field : fields(language)) {
            Terms terms = termVectors.get(doc, field);
            if (terms == null) continue;
            double weight = weightOf(field, language);
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                String key = field + '\u0000' + t.utf8ToString();
                Double q = query.get(key);
                if (q == null) continue;
                double d = weight * (1 + Math.log(it.totalTermFreq())) * idf(field, t);
                dot += q * d;
                contributions.merge(t.utf8ToString(), q * d, Double::sum);
            }
        }
        for (Map.Entry<String, Double> e : contributions.entrySet()) {
            best.add(e);
            if (best.size() > WHY_TERMS) best.poll();
        }
        List<String> why = new ArrayList<>(best.size());
        while (!best.isEmpty()) why.add(0, best.poll().getKey());
        double docNorm = norms.computeIfAbsent(id, k -> {
            try {
                return norm(vector(doc, language));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        double similarity = docNorm == 0 ? 0 : dot / (queryNorm * docNorm);
        return new Candidate(id, similarity, why);
    }

    /** The weighted TF-IDF vector of a document, keyed by field and term. */
    Map<String, Double> vector(int doc, IndexedLanguage language) throws IOException {
        Map<String, Double> vector = new HashMap<>();
        for (String field : fields(language)) {
            Terms terms = termVectors.get(doc, field);
            if (terms == null) continue;
            double weight = weightOf(field, language);
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                vector.put(field + '\u0000' + t.utf8ToString(), weight * (1 + Math.log(it.totalTermFreq())) * idf(field, t));
            }
        }
        return vector;
    }

    private double idf(String field, BytesRef term) throws IOException {
        int df = reader.docFreq(new Term(field, term));
        return Math.log((numDocs + 1.0) / (df + 1.0)) + 1.0;
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double w : vector.values()) sum += w * w;
        return Math.sqrt(sum);
    }

    private static String[] fields(IndexedLanguage language) {
        return new String[] {language.titleField(), language.textField(), language.tagsField(), language.pairsField()};
    }

    private static double weightOf(String field, IndexedLanguage language) {
        if (field.equals(language.titleField())) return TITLE_WEIGHT;
        if (field.equals(language.tagsField())) return TAGS_WEIGHT;
        if (field.equals(language.pairsField())) return PAIRS_WEIGHT;
        return TEXT_WEIGHT;
    }

    /**
     * Readable forms of stemmed terms: each stem mapped to the first word of {@code text} that has it, so
     * "why" shows "drills" rather than "drill" or a truncated stem.
     */
    public static Map<String, String> surfaceForms(String text, IndexedLanguage language) {
        Map<String, String> forms = new LinkedHashMap<>();
        Analyzer analyzer = LanguageAnalysis.textAnalyzer(language);
        for (String word : text.split("[^\\p{L}\\p{N}'’]+")) {
            if (word.isEmpty()) continue;
            try (TokenStream stream = analyzer.tokenStream("x", word)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) forms.putIfAbsent(term.toString(), word.toLowerCase(java.util.Locale.forLanguageTag(language.key())));
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forms;
    }
}

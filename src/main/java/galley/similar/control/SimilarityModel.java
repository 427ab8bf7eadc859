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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.MultiTerms;
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

    public static final int CANDIDATES = Integer.getInteger("galley.sim.candidates", 100);
    public static final int KEEP = 20;
    public static final double GAMMA = Double.parseDouble(System.getProperty("galley.sim.gamma", "1.5"));
    static final double TITLE_WEIGHT = Double.parseDouble(System.getProperty("galley.sim.title", "2.0"));
    static final double TEXT_WEIGHT = 1.0;
    static final double TAGS_WEIGHT = 2.0;
    static final double PAIRS_WEIGHT = Double.parseDouble(System.getProperty("galley.sim.pairs", "1.0"));
    private static final int WHY_TERMS = 4;
    static final boolean MERGE_TITLE = !Boolean.getBoolean("galley.sim.separateTitle");

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
    private final Map<String, Map<BytesRef, Double>> idfs;
    /** One term dictionary cursor per field, reused for every lookup of this snapshot. */
    private final Map<String, TermsEnum> dictionaries = new HashMap<>();
    private final int numDocs;

    /**
     * @param reader a snapshot of the article index
     * @param norms  a cache of document vector norms by article id, shared between snapshots; entries of
     *               changed articles must be removed by the caller
     * @param idfs   a cache of inverse document frequencies by field and term, shared between snapshots
     *               while the collection is about the same size
     */
    public SimilarityModel(IndexReader reader, Map<UUID, Double> norms, Map<String, Map<BytesRef, Double>> idfs) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.norms = norms;
        this.idfs = idfs;
        this.numDocs = Math.max(1, reader.numDocs());
        try {
            this.termVectors = reader.termVectors();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article id of a document, from doc values (stored fields would decompress the whole text). */
    private UUID idOf(int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        // Hibernate Search keeps sortable keyword fields as sorted-set doc values (one value here).
        SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), IndexFields.ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("The article index has no doc values for " + IndexFields.ID + "; rebuild it");
        }
        return UUID.fromString(ids.lookupOrd(ids.nextOrd()).utf8ToString());
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
            Map<String, Map<BytesRef, Double>> query = vector(termVectors.get(doc.get()), language);
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
                UUID id = idOf(hit.doc);
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

    private Candidate cosine(Map<String, Map<BytesRef, Double>> query, double queryNorm, int doc, UUID id,
                             IndexedLanguage language) throws IOException {
        Fields vectors = termVectors.get(doc);
        Map<String, Map<BytesRef, Double>> counts = counts(vectors, language);
        double dot = 0;
        Map<String, Double> contributions = new HashMap<>();
        for (Map.Entry<String, Map<BytesRef, Double>> field : counts.entrySet()) {
            Map<BytesRef, Double> q = query.get(field.getKey());
            if (q == null) continue;
            double weight = weightOf(field.getKey(), language);
            for (Map.Entry<BytesRef, Double> t : field.getValue().entrySet()) {
                Double qw = q.get(t.getKey());
                if (qw == null) continue;
                double d = weight * (1 + Math.log(t.getValue())) * idf(field.getKey(), t.getKey());
                dot += qw * d;
                contributions.merge(t.getKey().utf8ToString(), qw * d, Double::sum);
            }
        }
        PriorityQueue<Map.Entry<String, Double>> best = new PriorityQueue<>(Map.Entry.comparingByValue());
        for (Map.Entry<String, Double> e : contributions.entrySet()) {
            best.add(e);
            if (best.size() > WHY_TERMS) best.poll();
        }
        List<String> why = new ArrayList<>(best.size());
        while (!best.isEmpty()) why.add(0, best.poll().getKey());
        Double docNorm = norms.get(id);
        if (docNorm == null) {
            docNorm = norm(weights(counts, language));
            norms.put(id, docNorm);
        }
        double similarity = docNorm == 0 ? 0 : dot / (queryNorm * docNorm);
        return new Candidate(id, similarity, why);
    }

    /**
     * Term counts of a document by field. Title words count into the running text, twice: a title word is
     * the same word as in a text, only more telling.
     */
    private Map<String, Map<BytesRef, Double>> counts(Fields vectors, IndexedLanguage language) throws IOException {
        Map<String, Map<BytesRef, Double>> counts = new HashMap<>();
        if (vectors == null) return counts;
        for (String field : fields(language)) {
            Terms terms = vectors.terms(field);
            if (terms == null) continue;
            boolean title = field.equals(language.titleField());
            String into = title && MERGE_TITLE ? language.textField() : field;
            double factor = title && MERGE_TITLE ? TITLE_WEIGHT : 1.0;
            Map<BytesRef, Double> map = counts.computeIfAbsent(into, f -> new HashMap<>());
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                map.merge(BytesRef.deepCopyOf(t), factor * it.totalTermFreq(), Double::sum);
            }
        }
        return counts;
    }

    private Map<String, Map<BytesRef, Double>> weights(Map<String, Map<BytesRef, Double>> counts, IndexedLanguage language)
            throws IOException {
        Map<String, Map<BytesRef, Double>> vector = new HashMap<>();
        for (Map.Entry<String, Map<BytesRef, Double>> field : counts.entrySet()) {
            double weight = weightOf(field.getKey(), language);
            Map<BytesRef, Double> weights = new HashMap<>();
            for (Map.Entry<BytesRef, Double> t : field.getValue().entrySet()) {
                weights.put(t.getKey(), weight * (1 + Math.log(t.getValue())) * idf(field.getKey(), t.getKey()));
            }
            vector.put(field.getKey(), weights);
        }
        return vector;
    }

    /** The weighted TF-IDF vector of a document: field, then term, to weight. */
    Map<String, Map<BytesRef, Double>> vector(Fields vectors, IndexedLanguage language) throws IOException {
        return weights(counts(vectors, language), language);
    }

    private double idf(String field, BytesRef term) throws IOException {
        Map<BytesRef, Double> cache = idfs.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
        Double cached = cache.get(term);
        if (cached != null) return cached;
        TermsEnum lookup = dictionaries.get(field);
        if (lookup == null) {
            Terms terms = MultiTerms.getTerms(reader, field);
            lookup = terms == null ? TermsEnum.EMPTY : terms.iterator();
            dictionaries.put(field, lookup);
        }
        int df = lookup.seekExact(term) ? lookup.docFreq() : 0;
        double idf = Math.log((numDocs + 1.0) / (df + 1.0)) + 1.0;
        cache.put(BytesRef.deepCopyOf(term), idf);
        return idf;
    }

    private static double norm(Map<String, Map<BytesRef, Double>> vector) {
        double sum = 0;
        for (Map<BytesRef, Double> field : vector.values()) {
            for (double w : field.values()) sum += w * w;
        }
        return Math.sqrt(sum);
    }

    private static String[] fields(IndexedLanguage language) {
        return new String[] {language.titleField(), language.textField(), language.tagsField(), language.pairsField()};
    }

    private static double weightOf(String field, IndexedLanguage language) {
        if (field.equals(language.titleField())) return MERGE_TITLE ? 0 : TITLE_WEIGHT;
        if (field.equals(language.tagsField())) return TAGS_WEIGHT;
        if (field.equals(language.pairsField())) return PAIRS_WEIGHT;
        return TEXT_WEIGHT;
    }

    /**
     * Readable forms of the {@code wanted} stems: each mapped to the first word of {@code text} that has
     * it, so "why" shows "drills" rather than "drill" or a truncated stem.
     */
    public static Map<String, String> surfaceForms(String text, IndexedLanguage language, java.util.Set<String> wanted) {
        Map<String, String> forms = new LinkedHashMap<>();
        Analyzer analyzer = LanguageAnalysis.textAnalyzer(language);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String word : text.split("[^\\p{L}\\p{N}'’]+")) {
            if (forms.size() >= wanted.size()) break;
            if (word.isEmpty() || !seen.add(word)) continue;
            try (TokenStream stream = analyzer.tokenStream("x", word)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    String stem = term.toString();
                    if (wanted.contains(stem)) forms.putIfAbsent(stem, word.toLowerCase(java.util.Locale.forLanguageTag(language.key())));
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forms;
    }
}

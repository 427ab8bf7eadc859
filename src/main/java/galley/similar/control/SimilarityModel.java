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
import org.apache.lucene.util.StringHelper;

/**
 * Galley's similar-posts engine, over one snapshot of the article index.
 * <ol>
 * <li>Candidates: Lucene {@link MoreLikeThis} on the source's title, text and tags (per-field boosts),
 * restricted to published articles in the source's language outside its translation group.</li>
 * <li>Base similarity: cosine of TF-IDF vectors (BM25-saturated term frequency) over words (title words
 * counted twice) and tags (weight 2) and word pairs (weight 1), read from the index's term vectors.</li>
 * <li>Neighbourhood smoothing: a candidate also scores by how similar the source is to that candidate's
 * own similar posts: {@code score(i,j) = cos(i,j) + γ · mean over k in list(j) of cos(i,k)}. Articles of
 * the same kind cluster, so this lifts candidates that sit in the source's neighbourhood over ones
 * that merely share a few words.</li>
 * </ol>
 * Not thread-safe; one instance per thread. Document vectors are cached across instances by the caller.
 */
public final class SimilarityModel {

    /** Candidates fetched with MoreLikeThis; fewer leave the smoothing too little to work with. */
    public static final int CANDIDATES = 300;
    public static final int KEEP = 20;
    public static final double GAMMA = 1.5;
    static final double TITLE_WEIGHT = 2.0;
    static final double TEXT_WEIGHT = 1.0;
    static final double TAGS_WEIGHT = 2.0;
    static final double PAIRS_WEIGHT = 1.0;
    private static final int WHY_TERMS = 4;
    static final double BM25_K1 = 1.2;

    /** A candidate with its base (cosine) similarity. */
    public record Candidate(UUID id, double similarity) {
    }

    /** The base similarities of one source to its candidates, best first. */
    public record Base(UUID source, List<Candidate> candidates) {
        public Map<UUID, Double> similarities() {
            Map<UUID, Double> map = new HashMap<>();
            candidates.forEach(c -> map.put(c.id(), c.similarity()));
            return map;
        }
    }

    /** A final entry: its score after smoothing. */
    public record Ranked(UUID id, double score) {
    }

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final TermVectors termVectors;
    private final Map<UUID, DocVector> vectors;
    /** One term dictionary cursor per field, reused for every lookup of this snapshot. */
    private final Map<String, TermsEnum> dictionaries = new HashMap<>();
    private final int numDocs;

    /**
     * @param reader  a snapshot of the article index
     * @param vectors a cache of document vectors by article id, shared between snapshots while the
     *                collection is about the same size; entries of changed articles must be removed by the
     *                caller
     */
    public SimilarityModel(IndexReader reader, Map<UUID, DocVector> vectors) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.vectors = vectors;
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
            DocVector vector = vectorOf(source, doc.get(), language);
            if (vector.size() == 0) return new Base(source, List.of());
            DocVector.Probe query = vector.probe();
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
                candidates.add(new Candidate(id, query.dot(vectorOf(id, hit.doc, language))));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
            return new Base(source, candidates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector of an article, empty when it is not in this snapshot. */
    DocVector vector(UUID id, String languageTag) {
        Optional<Integer> doc = docOf(id);
        if (doc.isEmpty()) return DocVector.EMPTY;
        try {
            return vectorOf(id, doc.get(), IndexedLanguage.of(languageTag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector of a document, from the cache or built from its term vectors. */
    DocVector vectorOf(UUID id, int doc, IndexedLanguage language) throws IOException {
        DocVector cached = vectors.get(id);
        if (cached != null) return cached;
        DocVector vector = build(doc, language, null, false).pruned();
        vectors.put(id, vector);
        return vector;
    }

    /**
     * An article read once for a single recomputation: its cached vector, its complete vector (with the
     * terms no other document has yet kept, so that articles written later and compared with it one by one
     * count the words they come to share) and the names of its terms, for the "why" of its list.
     */
    record Analysed(DocVector vector, DocVector complete, Map<Integer, String> terms) {
        static final Analysed NONE = new Analysed(DocVector.EMPTY, DocVector.EMPTY, Map.of());
    }

    /** One pass over the article's term vectors and the dictionary: the vectors and names it needs. */
    Analysed analyse(UUID id, String languageTag) {
        Optional<Integer> doc = docOf(id);
        if (doc.isEmpty()) return Analysed.NONE;
        IndexedLanguage language = IndexedLanguage.of(languageTag);
        try {
            Map<Integer, String> names = new HashMap<>();
            Built built = build(doc.get(), language, names, true);
            vectors.put(id, built.pruned());
            return new Analysed(built.pruned(), built.complete(), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Built(DocVector pruned, DocVector complete) {
    }

    /**
     * The document's pruned vector and, if asked, its complete one, normalised alike; {@code names}, when
     * given, receives each key's term. A full run asks for the pruned one only, 50,000 times.
     */
    private Built build(int doc, IndexedLanguage language, Map<Integer, String> names, boolean complete) throws IOException {
        Map<String, Map<BytesRef, Double>> counts = counts(termVectors.get(doc), language);
        int n = 0;
        for (Map<BytesRef, Double> field : counts.values()) n += field.size();
        int[] keys = new int[n];
        float[] weights = new float[n];
        int[] allKeys = complete ? new int[n] : null;
        float[] allWeights = complete ? new float[n] : null;
        int kept = 0;
        int all = 0;
        double sum = 0;
        for (Map.Entry<String, Map<BytesRef, Double>> field : counts.entrySet()) {
            double fieldWeight = weightOf(field.getKey(), language);
            int salt = salt(field.getKey());
            for (Map.Entry<BytesRef, Double> t : field.getValue().entrySet()) {
                int df = docFreq(field.getKey(), t.getKey());
                double w = fieldWeight * tf(t.getValue()) * idf(df);
                sum += w * w;
                int key = salt ^ hash(t.getKey());
                if (names != null) names.put(key, t.getKey().utf8ToString());
                if (complete) {
                    allKeys[all] = key;
                    allWeights[all++] = (float) w;
                }
                if (df < 2) continue;
                keys[kept] = key;
                weights[kept++] = (float) w;
            }
        }
        if (sum == 0) return new Built(DocVector.EMPTY, DocVector.EMPTY);
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < kept; i++) weights[i] /= norm;
        for (int i = 0; i < all; i++) allWeights[i] /= norm;
        return new Built(DocVector.of(keys, weights, kept), complete ? DocVector.of(allKeys, allWeights, all) : DocVector.EMPTY);
    }

    private static int salt(String field) {
        return field.hashCode() * 0x9E3779B9;
    }

    private static int hash(BytesRef term) {
        return StringHelper.murmurhash3_x86_32(term, 0x5bd1e995);
    }

    /**
     * Up to four terms that {@code source} shares with each of {@code ids} and that weigh most in their
     * similarity: the "why" of an entry, as index terms (stems, word pairs).
     */
    public Map<UUID, List<String>> why(UUID source, String languageTag, List<UUID> ids) {
        Optional<Integer> doc = docOf(source);
        if (doc.isEmpty()) return new HashMap<>();
        IndexedLanguage language = IndexedLanguage.of(languageTag);
        try {
            // The source's terms by key, to name the keys that two vectors share.
            Map<Integer, String> terms = new HashMap<>();
            for (Map.Entry<String, Map<BytesRef, Double>> field : counts(termVectors.get(doc.get()), language).entrySet()) {
                int salt = salt(field.getKey());
                for (BytesRef t : field.getValue().keySet()) terms.put(salt ^ hash(t), t.utf8ToString());
            }
            return why(new Analysed(vectorOf(source, doc.get(), language), null, terms), language, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #why(UUID, String, List)}, for an article already {@linkplain #analyse analysed}. */
    Map<UUID, List<String>> why(Analysed source, String languageTag, List<UUID> ids) {
        try {
            return why(source, IndexedLanguage.of(languageTag), ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<UUID, List<String>> why(Analysed source, IndexedLanguage language, List<UUID> ids) throws IOException {
        Map<UUID, List<String>> why = new HashMap<>();
        DocVector.Probe sourceVector = source.vector().probe();
        for (UUID id : ids) {
            DocVector other = vectors.get(id);
            if (other == null) {
                Optional<Integer> otherDoc = docOf(id);
                if (otherDoc.isEmpty()) continue;
                other = vectorOf(id, otherDoc.get(), language);
            }
            PriorityQueue<Map.Entry<Integer, Double>> best = new PriorityQueue<>(Map.Entry.comparingByValue());
            int[] keys = other.keys();
            float[] weights = other.weights();
            for (int i = 0; i < keys.length; i++) {
                double w = sourceVector.weight(keys[i]);
                if (w == 0) continue;
                best.add(Map.entry(keys[i], w * weights[i]));
                if (best.size() > WHY_TERMS) best.poll();
            }
            List<String> named = new ArrayList<>(best.size());
            while (!best.isEmpty()) {
                String term = source.terms().get(best.poll().getKey());
                if (term != null) named.add(0, term);
            }
            why.put(id, named);
        }
        return why;
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
            ranked.add(new Ranked(c.id(), c.similarity() + smooth));
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
            String into = title ? language.textField() : field;
            double factor = title ? TITLE_WEIGHT : 1.0;
            Map<BytesRef, Double> map = counts.computeIfAbsent(into, f -> new HashMap<>());
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                map.merge(BytesRef.deepCopyOf(t), factor * it.totalTermFreq(), Double::sum);
            }
        }
        return counts;
    }

    /**
     * Term frequency with BM25's saturation (k1 = 1.2, no length normalisation: the cosine normalises):
     * a word's third mention adds less than its second, more evenly than a logarithm does.
     */
    static double tf(double count) {
        return count * (BM25_K1 + 1) / (count + BM25_K1);
    }

    private int docFreq(String field, BytesRef term) throws IOException {
        TermsEnum lookup = dictionaries.get(field);
        if (lookup == null) {
            Terms terms = MultiTerms.getTerms(reader, field);
            lookup = terms == null ? TermsEnum.EMPTY : terms.iterator();
            dictionaries.put(field, lookup);
        }
        return lookup.seekExact(term) ? lookup.docFreq() : 0;
    }

    private double idf(int df) {
        return Math.log((numDocs + 1.0) / (df + 1.0)) + 1.0;
    }

    private static String[] fields(IndexedLanguage language) {
        return new String[] {language.titleField(), language.textField(), language.tagsField(), language.pairsField()};
    }

    private static double weightOf(String field, IndexedLanguage language) {
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
        java.util.Locale locale = java.util.Locale.forLanguageTag(language.key());
        // One pass of the analyser over the text; each stem's first word is the text its token spans.
        try (TokenStream stream = analyzer.tokenStream("x", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
                    stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            stream.reset();
            while (forms.size() < wanted.size() && stream.incrementToken()) {
                String stem = term.toString();
                if (wanted.contains(stem) && !forms.containsKey(stem)) {
                    forms.put(stem, text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(locale));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms;
    }
}

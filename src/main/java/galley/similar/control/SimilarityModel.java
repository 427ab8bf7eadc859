package galley.similar.control;

import galley.search.control.IndexedLanguage;
import galley.search.control.LanguageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.StringHelper;

/**
 * Galley's similar-posts engine, over one snapshot of the article index.
 * <ol>
 * <li>Candidates: more-like-this on the source's title, text and tags (per-field boosts), restricted to
 * published articles in the source's language outside its translation group: Lucene's MoreLikeThis or
 * OpenSearch's more_like_this query, whichever backend holds the index ({@link IndexSnapshot}).</li>
 * <li>Base similarity: cosine of TF-IDF vectors (BM25-saturated term frequency) over words (title words
 * counted twice) and tags (weight 2) and word pairs (weight 1), read from the index's term vectors.</li>
 * <li>Neighbourhood smoothing: a candidate also scores by how similar the source is to that candidate's
 * own similar posts: {@code score(i,j) = cos(i,j) + γ · mean over k in list(j) of cos(i,k)}. Articles of
 * the same kind cluster, so this lifts candidates that sit in the source's neighbourhood over ones
 * that merely share a few words.</li>
 * </ol>
 * The index is read through {@link IndexSnapshot}, so the engine is the same on both backends; the Lucene
 * analyzers used here ({@link #surfaceForms}) are the ones both backends index with. Not thread-safe; one
 * instance per thread. Document vectors are cached across instances by the caller.
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
    /** More-like-this: every term counts once in the source, only terms of two or more articles, 30 per field. */
    static final IndexSnapshot.Like LIKE = new IndexSnapshot.Like(1, 2, 30, TITLE_WEIGHT, TEXT_WEIGHT, TAGS_WEIGHT);

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

    private final IndexSnapshot index;
    private final Map<UUID, DocVector> vectors;
    private final int numDocs;

    /**
     * @param index   a snapshot of the article index
     * @param vectors a cache of document vectors by article id, shared between snapshots while the
     *                collection is about the same size; entries of changed articles must be removed by the
     *                caller
     */
    SimilarityModel(IndexSnapshot index, Map<UUID, DocVector> vectors) {
        this.index = index;
        this.vectors = vectors;
        this.numDocs = Math.max(1, index.numDocs());
    }

    /** Candidates of {@code source} with their base similarity, best first; empty when it is not indexed. */
    public Base base(UUID source, String languageTag, UUID translationGroup, int limit) {
        IndexedLanguage language = IndexedLanguage.of(languageTag);
        DocVector vector = vector(source, languageTag);
        if (vector.size() == 0) return new Base(source, List.of());
        DocVector.Probe query = vector.probe();
        List<UUID> like = index.moreLikeThis(source, languageTag, translationGroup, language, limit);
        List<Candidate> candidates = new ArrayList<>(like.size());
        for (UUID id : like) candidates.add(new Candidate(id, query.dot(vector(id, languageTag))));
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return new Base(source, candidates);
    }

    /** The vector of an article, from the cache or built from its term vectors; empty when it is not indexed. */
    DocVector vector(UUID id, String languageTag) {
        DocVector cached = vectors.get(id);
        if (cached != null) return cached;
        Map<String, Map<String, Double>> counts = counts(id, IndexedLanguage.of(languageTag));
        if (counts == null) return DocVector.EMPTY;
        DocVector vector = build(counts, IndexedLanguage.of(languageTag), null, false).pruned();
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
        IndexedLanguage language = IndexedLanguage.of(languageTag);
        Map<String, Map<String, Double>> counts = counts(id, language);
        if (counts == null) return Analysed.NONE;
        Map<Integer, String> names = new HashMap<>();
        Built built = build(counts, language, names, true);
        vectors.put(id, built.pruned());
        return new Analysed(built.pruned(), built.complete(), names);
    }

    private record Built(DocVector pruned, DocVector complete) {
    }

    /**
     * The document's pruned vector and, if asked, its complete one, normalised alike; {@code names}, when
     * given, receives each key's term. A full run asks for the pruned one only, 50,000 times.
     */
    private Built build(Map<String, Map<String, Double>> counts, IndexedLanguage language, Map<Integer, String> names, boolean complete) {
        int n = 0;
        for (Map<String, Double> field : counts.values()) n += field.size();
        int[] keys = new int[n];
        float[] weights = new float[n];
        int[] allKeys = complete ? new int[n] : null;
        float[] allWeights = complete ? new float[n] : null;
        int kept = 0;
        int all = 0;
        double sum = 0;
        for (Map.Entry<String, Map<String, Double>> field : counts.entrySet()) {
            double fieldWeight = weightOf(field.getKey(), language);
            int salt = salt(field.getKey());
            for (Map.Entry<String, Double> t : field.getValue().entrySet()) {
                int df = index.docFreq(field.getKey(), t.getKey());
                double w = fieldWeight * tf(t.getValue()) * idf(df);
                sum += w * w;
                int key = salt ^ hash(t.getKey());
                if (names != null) names.put(key, t.getKey());
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

    private static int hash(String term) {
        byte[] bytes = term.getBytes(StandardCharsets.UTF_8);
        return StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 0x5bd1e995);
    }

    /**
     * Up to four terms that {@code source} shares with each of {@code ids} and that weigh most in their
     * similarity: the "why" of an entry, as index terms (stems, word pairs).
     */
    public Map<UUID, List<String>> why(UUID source, String languageTag, List<UUID> ids) {
        IndexedLanguage language = IndexedLanguage.of(languageTag);
        Map<String, Map<String, Double>> counts = counts(source, language);
        if (counts == null) return new HashMap<>();
        // The source's terms by key, to name the keys that two vectors share.
        Map<Integer, String> terms = new HashMap<>();
        for (Map.Entry<String, Map<String, Double>> field : counts.entrySet()) {
            int salt = salt(field.getKey());
            for (String t : field.getValue().keySet()) terms.put(salt ^ hash(t), t);
        }
        return why(new Analysed(vector(source, languageTag), null, terms), language, ids);
    }

    /** As {@link #why(UUID, String, List)}, for an article already {@linkplain #analyse analysed}. */
    Map<UUID, List<String>> why(Analysed source, String languageTag, List<UUID> ids) {
        return why(source, IndexedLanguage.of(languageTag), ids);
    }

    private Map<UUID, List<String>> why(Analysed source, IndexedLanguage language, List<UUID> ids) {
        Map<UUID, List<String>> why = new HashMap<>();
        DocVector.Probe sourceVector = source.vector().probe();
        for (UUID id : ids) {
            DocVector other = vector(id, language.key());
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

    /**
     * Term counts of an article by field, null when it is not indexed. Title words count into the running
     * text, twice: a title word is the same word as in a text, only more telling.
     */
    private Map<String, Map<String, Double>> counts(UUID id, IndexedLanguage language) {
        Map<String, Map<String, Double>> indexed = index.terms(id, List.of(fields(language)));
        if (indexed == null) return null;
        Map<String, Map<String, Double>> counts = new HashMap<>();
        for (String field : fields(language)) {
            Map<String, Double> terms = indexed.get(field);
            if (terms == null) continue;
            boolean title = field.equals(language.titleField());
            String into = title ? language.textField() : field;
            double factor = title ? TITLE_WEIGHT : 1.0;
            Map<String, Double> map = counts.computeIfAbsent(into, f -> new HashMap<>());
            terms.forEach((term, count) -> map.merge(term, factor * count, Double::sum));
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

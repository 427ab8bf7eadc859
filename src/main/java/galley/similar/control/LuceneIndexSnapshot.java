package galley.similar.control;

import galley.search.control.IndexedLanguage;
import galley.search.control.LanguageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
 * The article index of the Lucene backend, read directly: one reader (a point-in-time snapshot, opened by
 * Hibernate Search's Lucene extension), term vectors, the term dictionaries and Lucene's
 * {@link MoreLikeThis}. Field names are Hibernate Search's ({@link IndexFields}).
 */
final class LuceneIndexSnapshot implements IndexSnapshot {

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final TermVectors termVectors;
    /** One term dictionary cursor per field, reused for every lookup of this snapshot. */
    private final Map<String, TermsEnum> dictionaries = new HashMap<>();
    /** Documents of articles met as candidates: no second lookup when their vectors are read. */
    private final Map<UUID, Integer> docs = new HashMap<>();

    LuceneIndexSnapshot(IndexReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        try {
            this.termVectors = reader.termVectors();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int numDocs() {
        return reader.numDocs();
    }

    @Override
    public Map<String, Map<String, Double>> terms(UUID article, List<String> fields) {
        try {
            Integer doc = docOf(article);
            if (doc == null) return null;
            Fields vectors = termVectors.get(doc);
            Map<String, Map<String, Double>> terms = new HashMap<>();
            if (vectors == null) return terms;
            for (String field : fields) {
                Terms fieldTerms = vectors.terms(field);
                if (fieldTerms == null) continue;
                Map<String, Double> counts = new HashMap<>();
                TermsEnum it = fieldTerms.iterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) counts.put(t.utf8ToString(), (double) it.totalTermFreq());
                terms.put(field, counts);
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int docFreq(String field, String term) {
        try {
            TermsEnum lookup = dictionaries.get(field);
            if (lookup == null) {
                Terms terms = MultiTerms.getTerms(reader, field);
                lookup = terms == null ? TermsEnum.EMPTY : terms.iterator();
                dictionaries.put(field, lookup);
            }
            return lookup.seekExact(new BytesRef(term)) ? lookup.docFreq() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<UUID> moreLikeThis(UUID source, String languageTag, UUID translationGroup, IndexedLanguage language, int limit) {
        try {
            Integer doc = docOf(source);
            if (doc == null) return List.of();
            IndexSnapshot.Like like = SimilarityModel.LIKE;
            BooleanQuery.Builder mlt = new BooleanQuery.Builder();
            int clauses = addLike(mlt, doc, language.titleField(), like.titleBoost(), language)
                    + addLike(mlt, doc, language.textField(), like.textBoost(), language)
                    + addLike(mlt, doc, language.tagsField(), like.tagsBoost(), language);
            if (clauses == 0) return List.of();
            BooleanQuery.Builder q = new BooleanQuery.Builder()
                    .add(mlt.build(), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.LANGUAGE, languageTag)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.STATUS, IndexFields.PUBLISHED)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, source.toString())), BooleanClause.Occur.MUST_NOT);
            if (translationGroup != null) {
                q.add(new TermQuery(new Term(IndexFields.TRANSLATION_GROUP, translationGroup.toString())), BooleanClause.Occur.MUST_NOT);
            }
            TopDocs top = searcher.search(q.build(), limit);
            List<UUID> found = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                UUID id = idOf(hit.doc);
                docs.put(id, hit.doc);
                found.add(id);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int addLike(BooleanQuery.Builder like, int doc, String field, double boost, IndexedLanguage language) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setFieldNames(new String[] {field});
        mlt.setAnalyzer(LanguageAnalysis.textAnalyzer(language));
        mlt.setMinTermFreq(SimilarityModel.LIKE.minTermFreq());
        mlt.setMinDocFreq(SimilarityModel.LIKE.minDocFreq());
        mlt.setMaxQueryTerms(SimilarityModel.LIKE.maxQueryTerms());
        mlt.setBoost(true);
        Query q = mlt.like(doc);
        if (q instanceof BooleanQuery b && b.clauses().isEmpty()) return 0;
        like.add(new BoostQuery(q, (float) boost), BooleanClause.Occur.SHOULD);
        return 1;
    }

    /** The Lucene document of an article in this snapshot, or null. */
    private Integer docOf(UUID article) throws IOException {
        Integer known = docs.get(article);
        if (known != null) return known;
        TopDocs hit = searcher.search(new TermQuery(new Term(IndexFields.ID, article.toString())), 1);
        return hit.scoreDocs.length == 0 ? null : hit.scoreDocs[0].doc;
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
}

package galley.bench;

import galley.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The simple engines Galley is measured against, computed in the benchmark's own process over the same
 * texts: Lucene's MoreLikeThis with its default settings on the body alone, and YARPP's approach (the 20
 * most frequent non-stop-words of the title and of the body as a full-text query, weights 1, no taxonomy).
 */
final class Baselines {

    private static final int LIST = 25;

    private Baselines() {
    }

    /** MoreLikeThis, defaults (minTermFreq 2, minDocFreq 5, 25 query terms), body only, StandardAnalyzer. */
    static Map<String, List<String>> moreLikeThisDefaults(List<Corpus.Doc> docs) {
        Analyzer analyzer = new StandardAnalyzer();
        try (ByteBuffersDirectory dir = index(docs, analyzer); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {"body"});
                lists.put(reader.storedFields().document(doc).get("id"), top(searcher, reader, mlt.like(doc)));
            }
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YARPP: the 20 most frequent non-stop-words of title and of body, each a term with weight 1. */
    static Map<String, List<String>> yarpp(List<Corpus.Doc> docs) {
        Analyzer analyzer = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        try (ByteBuffersDirectory dir = index(docs, analyzer); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (Corpus.Doc d : docs) {
                BooleanQuery.Builder q = new BooleanQuery.Builder();
                for (String t : mostFrequent(analyzer, d.title(), 20)) q.add(new TermQuery(new Term("title", t)), BooleanClause.Occur.SHOULD);
                for (String t : mostFrequent(analyzer, d.body(), 20)) q.add(new TermQuery(new Term("body", t)), BooleanClause.Occur.SHOULD);
                lists.put(d.id(), top(searcher, reader, q.build()));
            }
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffersDirectory index(List<Corpus.Doc> docs, Analyzer analyzer) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Corpus.Doc d : docs) {
                Document doc = new Document();
                doc.add(new StringField("id", d.id(), Field.Store.YES));
                doc.add(new TextField("title", d.title() == null ? "" : d.title(), Field.Store.YES));
                doc.add(new TextField("body", d.body() == null ? "" : d.body(), Field.Store.YES));
                writer.addDocument(doc);
            }
        }
        return dir;
    }

    private static List<String> top(IndexSearcher searcher, DirectoryReader reader, Query query) throws IOException {
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, LIST + 1).scoreDocs) ids.add(reader.storedFields().document(hit.doc).get("id"));
        return ids;
    }

    private static List<String> mostFrequent(Analyzer analyzer, String text, int n) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        if (text != null) {
            try (TokenStream ts = analyzer.tokenStream("x", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) counts.merge(term.toString(), 1, Integer::sum);
                ts.end();
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}

package galley.similar.control;

import galley.search.control.IndexedLanguage;
import galley.search.control.LanguageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory article index laid out as Hibernate Search lays out Galley's (same field names, same
 * analyzers, term vectors), for testing the similarity engine without a server.
 */
final class TestIndex implements AutoCloseable {

    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT.setTokenized(true);
        TEXT.setStored(true);
        TEXT.setStoreTermVectors(true);
        TEXT.freeze();
    }

    final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;

    TestIndex() {
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        for (IndexedLanguage l : IndexedLanguage.values()) {
            perField.put(l.titleField(), LanguageAnalysis.textAnalyzer(l));
            perField.put(l.textField(), LanguageAnalysis.textAnalyzer(l));
            perField.put(l.tagsField(), LanguageAnalysis.textAnalyzer(l));
            perField.put(l.pairsField(), new ShingleAnalyzerWrapper(LanguageAnalysis.textAnalyzer(l), 2, 2, " ", false, true, ""));
        }
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(
                    LanguageAnalysis.textAnalyzer(IndexedLanguage.OTHER), perField)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(UUID id, String language, UUID group, boolean published, String title, String text, String tags) {
        IndexedLanguage l = IndexedLanguage.of(language);
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, id.toString(), Field.Store.YES));
        doc.add(new SortedSetDocValuesField(IndexFields.ID, new BytesRef(id.toString())));
        doc.add(new StringField(IndexFields.LANGUAGE, language, Field.Store.NO));
        doc.add(new StringField(IndexFields.STATUS, published ? IndexFields.PUBLISHED : "DRAFT", Field.Store.NO));
        doc.add(new StringField(IndexFields.TRANSLATION_GROUP, group.toString(), Field.Store.NO));
        doc.add(new Field(l.titleField(), title, TEXT));
        doc.add(new Field(l.textField(), text, TEXT));
        doc.add(new Field(l.tagsField(), tags == null ? "" : tags, TEXT));
        doc.add(new Field(l.pairsField(), title + " . " + text, TEXT));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forceMerge() {
        try {
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }
}

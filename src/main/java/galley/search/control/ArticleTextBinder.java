package galley.search.control;

import galley.articles.entity.Article;
import galley.tags.entity.Tag;
import galley.text.control.MarkdownRenderer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Writes an article's text into the fields of its own language ({@link IndexedLanguage}): title, running
 * text (excerpt and body without markup), tag names and word pairs, each analysed by that language's
 * rules. Term vectors are kept for the similarity engine; title and text are stored for highlighting.
 */
public class ArticleTextBinder implements TypeBinder {

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies()
                .use("language")
                .use("title")
                .use("excerpt")
                .use("bodyMarkdown")
                .use("tags.name");
        IndexSchemaElement schema = context.indexSchemaElement();
        Map<IndexedLanguage, Fields> fields = new EnumMap<>(IndexedLanguage.class);
        for (IndexedLanguage language : IndexedLanguage.values()) {
            fields.put(language, new Fields(
                    schema.field(language.titleField(), f -> f.asString().analyzer(language.analyzer())
                            .termVector(TermVector.WITH_POSITIONS_OFFSETS).projectable(Projectable.YES)
                            .highlightable(List.of(Highlightable.ANY))).toReference(),
                    schema.field(language.textField(), f -> f.asString().analyzer(language.analyzer())
                            .termVector(TermVector.WITH_POSITIONS_OFFSETS).projectable(Projectable.YES)
                            .highlightable(List.of(Highlightable.ANY))).toReference(),
                    schema.field(language.tagsField(), f -> f.asString().analyzer(language.analyzer())
                            .termVector(TermVector.YES)).toReference(),
                    schema.field(language.pairsField(), f -> f.asString().analyzer(language.pairAnalyzer())
                            .termVector(TermVector.YES)).toReference()));
        }
        context.bridge(Article.class, new Bridge(fields));
    }

    record Fields(IndexFieldReference<String> title, IndexFieldReference<String> text,
                  IndexFieldReference<String> tags, IndexFieldReference<String> pairs) {
    }

    private record Bridge(Map<IndexedLanguage, Fields> fields) implements TypeBridge<Article> {
        @Override
        public void write(DocumentElement target, Article article, TypeBridgeWriteContext context) {
            Fields f = fields.get(IndexedLanguage.of(article.getLanguage()));
            String text = runningText(article);
            target.addValue(f.title(), article.getTitle());
            target.addValue(f.text(), text);
            target.addValue(f.tags(), article.getTags().stream().map(Tag::getName).collect(Collectors.joining(" . ")));
            target.addValue(f.pairs(), article.getTitle() + " . " + text);
        }
    }

    /** Excerpt and body, without markup. */
    public static String runningText(Article article) {
        String body = MarkdownRenderer.plainText(article.getBodyMarkdown());
        return article.getExcerpt() == null ? body : article.getExcerpt() + "\n\n" + body;
    }
}

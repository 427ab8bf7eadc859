package galley.search.control;

import galley.articles.control.ArticleFinder;
import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.database.control.GalleyUnit;
import galley.errors.control.InvalidRequest;
import galley.paging.control.Page;
import galley.paging.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;

/**
 * Full-text search of published articles: Lucene query syntax over titles (boosted) and running text,
 * each analysed by its language's rules, relevance-ranked, with highlighted fragments. The same query on
 * both backends (Hibernate Search turns it into OpenSearch's query_string); a search while the cluster is
 * away is a 503 with Retry-After.
 */
@ApplicationScoped
@Transactional
public class ArticleSearch {

    public static final int MAX_QUERY_LENGTH = 500;

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    ArticleFinder finder;

    @Inject
    SearchBackend backend;

    /** A found article with its relevance score and fragments of its title and text, matches marked. */
    public record Hit(Article article, float score, List<String> highlights) {
    }

    public Page<Hit> search(String query, String language, String tagSlug, String authorSlug, PageRequest page) {
        if (query == null || query.isBlank()) throw new InvalidRequest("q", "q is required");
        if (query.length() > MAX_QUERY_LENGTH) throw new InvalidRequest("q", "q is limited to " + MAX_QUERY_LENGTH + " characters");
        String fieldName = fieldSyntaxIn(query);
        if (fieldName != null) {
            throw new InvalidRequest("q", "q searches all of title, text and tags: field syntax ('" + fieldName + ":') is not supported; "
                    + "escape a literal colon as \\:");
        }
        List<IndexedLanguage> languages = language == null ? List.of(IndexedLanguage.values()) : List.of(IndexedLanguage.of(language));
        SearchResult<List<?>> result;
        try {
            result = Search.session(em).search(Article.class)
                    .select(f -> {
                        var projections = new ArrayList<org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep<?>>();
                        projections.add(f.id(UUID.class));
                        projections.add(f.score());
                        for (IndexedLanguage l : languages) {
                            projections.add(f.highlight(l.titleField()));
                            projections.add(f.highlight(l.textField()));
                        }
                        return f.composite().from(projections.stream().map(p -> p.toProjection())
                                .toArray(org.hibernate.search.engine.search.projection.SearchProjection<?>[]::new)).asList();
                    })
                    .where(f -> f.bool(b -> {
                        b.must(f.queryString()
                                .fields(languages.stream().map(IndexedLanguage::titleField).toArray(String[]::new)).boost(3.0f)
                                .fields(languages.stream().map(IndexedLanguage::textField).toArray(String[]::new))
                                .fields(languages.stream().map(IndexedLanguage::tagsField).toArray(String[]::new)).boost(2.0f)
                                .matching(query)
                                .defaultOperator(BooleanOperator.AND));
                        b.filter(f.match().field("status").matching(ArticleStatus.PUBLISHED));
                        if (language != null) b.filter(f.match().field("language").matching(language));
                        if (tagSlug != null) b.filter(f.match().field("tags.slug").matching(tagSlug));
                        if (authorSlug != null) b.filter(f.match().field("authors.slug").matching(authorSlug));
                    }))
                    .highlighter(h -> h.fastVector().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                            .fragmentSize(160).numberOfFragments(2).noMatchSize(0))
                    .fetch(page.offset(), page.size());
        } catch (SearchException | java.io.UncheckedIOException e) {
            if (SearchFailures.classify(e) != SearchFailures.Kind.SYNTAX) throw backend.translate(e, "Search");
            throw new InvalidRequest("q", "q is not a valid query: " + firstLine(e.getMessage()));
        }
        List<UUID> ids = new ArrayList<>();
        Map<UUID, Float> scores = new HashMap<>();
        Map<UUID, List<String>> highlights = new HashMap<>();
        for (List<?> row : result.hits()) {
            UUID id = (UUID) row.get(0);
            ids.add(id);
            scores.put(id, (Float) row.get(1));
            List<String> fragments = new ArrayList<>();
            for (int i = 2; i < row.size(); i++) {
                @SuppressWarnings("unchecked")
                List<String> field = (List<String>) row.get(i);
                fragments.addAll(field);
            }
            highlights.put(id, fragments);
        }
        List<Hit> hits = finder.loadForList(ids).stream()
                .map(a -> new Hit(a, scores.get(a.getId()), highlights.get(a.getId()))).toList();
        return new Page<>(hits, page.page(), page.size(), result.total().hitCount());
    }

    /** The first {@code name:} outside quotes (Lucene's field syntax), or null. */
    static String fieldSyntaxIn(String query) {
        boolean quoted = false;
        int wordStart = -1;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
                wordStart = -1;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
                wordStart = -1;
                continue;
            }
            if (quoted) continue;
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                if (wordStart < 0) wordStart = i;
            } else if (c == ':' && wordStart >= 0) {
                return query.substring(wordStart, i);
            } else {
                wordStart = -1;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) return "syntax error";
        String line = message.lines().findFirst().orElse(message);
        // OpenSearch's refusal comes with the whole request and answer: not for the client.
        if (line.contains("HSEARCH400")) return "the search engine could not parse it";
        // Hibernate Search prefixes its own codes; keep what the parser said.
        int colon = line.indexOf("Cannot parse");
        return (colon >= 0 ? line.substring(colon) : line).replaceAll("HSEARCH\\d+: ", "");
    }
}

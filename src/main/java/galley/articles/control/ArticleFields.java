package galley.articles.control;

import galley.articles.entity.Reference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything an editor sets on an article. The slug is derived from the title when absent; the body is
 * Markdown; tags are names (missing tags are created); {@code translationOf} joins another article's
 * translation group; {@code publishedAt} backdates a publication (imports), else publishing sets it.
 */
public record ArticleFields(
        String slug,
        String language,
        String title,
        String excerpt,
        String body,
        String seoDescription,
        String featuredImageUrl,
        String featuredImageAlt,
        List<UUID> authorIds,
        List<String> tagNames,
        List<Reference> references,
        UUID translationOf,
        Instant publishedAt) {
}

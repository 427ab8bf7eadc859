package galley.text.control;

import java.util.SortedSet;

/**
 * An article body rendered from Markdown.
 *
 * @param html             sanitised HTML, safe to insert into a page
 * @param wordCount        words of running text (markup and footnote markers excluded)
 * @param readingMinutes   estimated reading time, at least 1 for a non-empty body
 * @param citedReferences  reference numbers the body cites with footnote markers
 * @param missingReferences numbers cited in footnote syntax ({@code [^n]}) that have no reference
 */
public record RenderedBody(String html, int wordCount, int readingMinutes,
                           SortedSet<Integer> citedReferences, SortedSet<Integer> missingReferences) {
}

package galley.text.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersCommonMarkAndTables() {
        RenderedBody body = renderer.render("## Heading\n\nSome *emphasis* and **strong**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                Set.of(), "en");
        assertTrue(body.html().contains("<h2>Heading</h2>"), body.html());
        assertTrue(body.html().contains("<em>emphasis</em>"));
        assertTrue(body.html().contains("<table>"));
        assertTrue(body.html().contains("<td>1</td>"));
    }

    @Test
    void footnoteMarkersLinkToReferences() {
        RenderedBody body = renderer.render("Drills are held.[^1] Armenia stays away.[2] Again [^1].", Set.of(1, 2), "en");
        assertTrue(body.html().contains("<sup class=\"footnote-ref\"><a href=\"#ref-1\" id=\"fnref-1\">1</a></sup>"), body.html());
        assertTrue(body.html().contains("<a href=\"#ref-2\" id=\"fnref-2\">2</a>"), body.html());
        // The second citation of 1 links to it without repeating the id.
        assertEquals(1, body.html().split("id=\"fnref-1\"", -1).length - 1);
        assertEquals(2, body.html().split("href=\"#ref-1\"", -1).length - 1);
        assertEquals(Set.of(1, 2), body.citedReferences());
        assertTrue(body.missingReferences().isEmpty());
    }

    @Test
    void bareNumbersWithoutAReferenceStayText() {
        RenderedBody body = renderer.render("An array index [3] is not a citation.", Set.of(1), "en");
        assertTrue(body.html().contains("[3]"), body.html());
        assertTrue(body.missingReferences().isEmpty());
    }

    @Test
    void explicitMarkersWithoutAReferenceAreReported() {
        RenderedBody body = renderer.render("Claim.[^9]", Set.of(1), "en");
        assertEquals(Set.of(9), body.missingReferences());
    }

    @Test
    void markersInCodeAndLinksAreLeftAlone() {
        RenderedBody body = renderer.render("`list[1]` and [see [1] here](https://example.org)", Set.of(1), "en");
        assertFalse(body.html().contains("footnote-ref"), body.html());
    }

    @Test
    void scriptsHandlersStylesAndDangerousUrlsAreRemoved() {
        // Blank lines between the parts, so each is its own block (Markdown or raw HTML).
        String hostile = String.join("\n\n",
                "<script>alert(1)</script>",
                "<img src=\"x\" onerror=\"alert(2)\">",
                "<p style=\"background:url(javascript:alert(3))\" onclick=\"alert(4)\">text</p>",
                "[click](javascript:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=)",
                "<a href=\"vbscript:msgbox(6)\">vb</a> <a href=\"JaVaScRiPt:alert(8)\">mixed case</a>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<svg onload=\"alert(7)\"></svg>",
                "<form action=\"https://evil.example\"><input name=\"x\"></form>",
                "![img](https://images.example.org/a.png)");
        String html = renderer.render(hostile, Set.of(), "en").html().toLowerCase();
        for (String bad : new String[] {"<script", "onerror", "onclick", "onload", "style=", "javascript:", "vbscript:",
                "data:", "<iframe", "<svg", "<form", "<input", "alert("}) {
            assertFalse(html.contains(bad), "'" + bad + "' survived in: " + html);
        }
        assertTrue(html.contains("<img src=\"https://images.example.org/a.png\""), html);
        assertTrue(html.contains("click"), "the link text stays, without the link: " + html);
    }

    @Test
    void httpLinksStay() {
        String html = renderer.render("[source](https://example.org/a?b=1&c=2)", Set.of(), "en").html();
        assertTrue(html.contains("href=\"https://example.org/a?b&#61;1&amp;c&#61;2\"")
                || html.contains("href=\"https://example.org/a?b=1&amp;c=2\""), html);
    }

    @Test
    void countsWordsAndReadingTime() {
        RenderedBody body = renderer.render("One two three.[^1] Four, five: six!", Set.of(1), "en");
        assertEquals(6, body.wordCount(), "the footnote number is not a word");
        assertEquals(1, body.readingMinutes());
        String long_ = "word ".repeat(MarkdownRenderer.WORDS_PER_MINUTE * 2 + 1);
        assertEquals(3, renderer.render(long_, Set.of(), "en").readingMinutes());
        assertEquals(0, renderer.render("", Set.of(), "en").readingMinutes());
    }

    @Test
    void countsTurkishAndRussianWords() {
        assertEquals(5, MarkdownRenderer.countWords("Kazakistan'daki tatbikatlar birçok açıdan önemli.", "tr"));
        assertEquals(4, MarkdownRenderer.countWords("Учения проходят в Казахстане.", "ru"));
    }
}

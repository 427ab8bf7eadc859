package galley.text.control;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders article bodies from Markdown (CommonMark with GitHub tables and strikethrough) to sanitised
 * HTML, turning footnote markers into links to the article's numbered references, and counts words.
 * <p>
 * Markers: {@code [^3]} always means reference 3; a bare {@code [3]} does too when reference 3 exists
 * (the way many publications write it), and is left as text otherwise.
 */
@ApplicationScoped
public class MarkdownRenderer {

    /** Words per minute for the reading-time estimate: a common figure for reading on screen. */
    static final int WORDS_PER_MINUTE = 220;

    private static final Pattern MARKER = Pattern.compile("\\[(\\^)?(\\d{1,4})]");
    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), StrikethroughExtension.create());

    private static final Parser PLAIN_PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .nodeRendererFactory(FootnoteMarkerRenderer::new)
            .build();

    public RenderedBody render(String markdown, Set<Integer> referenceNumbers, String language) {
        String source = markdown == null ? "" : markdown;
        Node document = parser.parse(source);
        SortedSet<Integer> cited = new TreeSet<>();
        SortedSet<Integer> missing = new TreeSet<>();
        document.accept(new MarkerFinder(referenceNumbers, cited, missing));
        String html = HtmlPolicy.ARTICLE_BODY.sanitize(renderer.render(document));
        PlainText text = new PlainText();
        document.accept(text);
        int words = countWords(text.toString(), language);
        int minutes = words == 0 ? 0 : Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
        return new RenderedBody(html, words, minutes, cited, missing);
    }

    /**
     * The running text of a Markdown body without markup or footnote markers: what search and the
     * similarity engine read.
     */
    public static String plainText(String markdown) {
        if (markdown == null || markdown.isEmpty()) return "";
        Node document = PLAIN_PARSER.parse(markdown);
        PlainText text = new PlainText();
        document.accept(text);
        return MARKER.matcher(text.toString()).replaceAll(" ");
    }

    static int countWords(String text, String language) {
        BreakIterator words = BreakIterator.getWordInstance(
                language == null ? ULocale.ROOT : ULocale.forLanguageTag(language));
        words.setText(text);
        int count = 0;
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            // Letters, numbers and ideographs count; spaces and punctuation do not.
            if (words.getRuleStatus() != BreakIterator.WORD_NONE) count++;
        }
        return count;
    }

    /** Replaces marker text with {@link FootnoteMarker} nodes, outside links and code. */
    private static final class MarkerFinder extends AbstractVisitor {
        private final Set<Integer> known;
        private final Set<Integer> cited;
        private final Set<Integer> missing;

        MarkerFinder(Set<Integer> known, Set<Integer> cited, Set<Integer> missing) {
            this.known = known;
            this.cited = cited;
            this.missing = missing;
        }

        @Override
        public void visit(Link link) {
            // Text inside a link stays as written.
        }

        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            Matcher m = MARKER.matcher(literal);
            int last = 0;
            Node anchor = text;
            boolean changed = false;
            while (m.find()) {
                boolean explicit = m.group(1) != null;
                int number = Integer.parseInt(m.group(2));
                if (!known.contains(number)) {
                    if (explicit) missing.add(number);
                    continue;
                }
                cited.add(number);
                changed = true;
                if (m.start() > last) {
                    Text before = new Text(literal.substring(last, m.start()));
                    anchor.insertAfter(before);
                    anchor = before;
                }
                FootnoteMarker marker = new FootnoteMarker(number, explicit);
                anchor.insertAfter(marker);
                anchor = marker;
                last = m.end();
            }
            if (!changed) return;
            if (last < literal.length()) anchor.insertAfter(new Text(literal.substring(last)));
            text.unlink();
        }
    }

    /** The running text of the document, for counting words. */
    private static final class PlainText extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral()).append(' ');
        }

        @Override
        public void visit(org.commonmark.node.Paragraph paragraph) {
            visitChildren(paragraph);
            out.append('\n');
        }

        @Override
        public void visit(org.commonmark.node.HtmlBlock html) {
            // Raw HTML is markup, not text.
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral()).append(' ');
        }

        @Override
        public void visit(CustomNode node) {
            if (!(node instanceof FootnoteMarker)) visitChildren(node);
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    private static final class FootnoteMarkerRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final Set<Integer> seen = new TreeSet<>();

        FootnoteMarkerRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FootnoteMarker.class);
        }

        @Override
        public void render(Node node) {
            int n = ((FootnoteMarker) node).number();
            html.tag("sup", Map.of("class", "footnote-ref"));
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", "#ref-" + n);
            // Only the first citation of a reference gets the id a back-link can target.
            if (seen.add(n)) attributes.put("id", "fnref-" + n);
            html.tag("a", attributes);
            html.text(Integer.toString(n));
            html.tag("/a");
            html.tag("/sup");
        }
    }
}

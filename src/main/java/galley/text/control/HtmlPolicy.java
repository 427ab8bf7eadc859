package galley.text.control;

import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for article HTML (OWASP Java HTML Sanitizer): the elements Markdown produces, links
 * and images with http(s) URLs only, and the footnote markup Galley renders. Everything else (scripts,
 * event handlers, styles, frames, forms, other URL schemes) is dropped.
 */
public final class HtmlPolicy {

    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s\"'<>]+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAGMENT = Pattern.compile("^#[A-Za-z0-9_-]{1,100}$");

    /** Links: absolute http(s) URLs, or a fragment within the article (footnote links). */
    private static final AttributePolicy LINK_URL = (element, attribute, value) -> {
        String v = value.strip();
        return HTTP_URL.matcher(v).matches() || FRAGMENT.matcher(v).matches() ? v : null;
    };

    private static final AttributePolicy IMAGE_URL = (element, attribute, value) -> {
        String v = value.strip();
        return HTTP_URL.matcher(v).matches() ? v : null;
    };

    public static final PolicyFactory ARTICLE_BODY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                    "ul", "ol", "li", "pre", "code", "em", "strong", "del", "s", "sup", "sub",
                    "table", "thead", "tbody", "tr", "th", "td", "a", "img")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").matching(LINK_URL).onElements("a")
            .allowAttributes("id").matching(Pattern.compile("fnref-\\d{1,4}")).onElements("a")
            .allowAttributes("title").onElements("a", "img")
            .allowAttributes("src").matching(IMAGE_URL).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("footnote-ref")).onElements("sup")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}")).onElements("code")
            .disallowElements("script", "style", "iframe", "object", "embed", "form", "input", "svg", "math")
            .toFactory();

    private HtmlPolicy() {
    }

    public static boolean isHttpUrl(String url) {
        return url != null && HTTP_URL.matcher(url.strip()).matches();
    }
}

package galley.apidocs.boundary;

import jakarta.servlet.ServletException;
import galley.module.control.Mount;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The interactive API reference at {@code /api/docs}: Swagger UI (from its webjar, unpacked into
 * {@code WEB-INF/swagger-ui} by the build) reading the live document at {@code /openapi}. Mapped more
 * specifically than the JAX-RS application ({@code /api/*}), so the API itself is untouched and the pages are
 * not in the document. Only the files listed here are served; anything else under {@code /api/docs/} is
 * the usual problem+json 404. Mapped in {@code web.xml}; in a host application at {@code docs} under the
 * path the host gave the API, by {@code galley.module.boundary.ModuleSetup}, and then the files come from
 * the module jar ({@code META-INF/galley/...}) instead of the WAR's {@code WEB-INF}.
 *
 * <p>The pages need more than the API's {@code default-src 'none'}: scripts, styles and images from this
 * origin, Swagger UI's inline SVG icons as {@code data:} images, and fetches of the document and of "Try it
 * out" calls to this origin. No inline script and no inline style is allowed: the page's set-up is a script
 * file of its own. Every other answer keeps the strict policy of {@code galley.requests.boundary.SecurityHeaders}.
 */
public class ApiDocsPages extends HttpServlet {

    /** Where the pages are under the API's path. */
    public static final String DOCS = "/docs";
    static final String PATH = Mount.CANONICAL + DOCS;
    /** Where the module jar holds the files that galley.war keeps under WEB-INF. */
    static final String IN_JAR = "META-INF/galley/";
    /** Where the document is: MicroProfile OpenAPI serves it at the server's root, whatever the context root. */
    static final String DOCUMENT = "/openapi?format=JSON";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String INDEX = "index.html";

    /** A file of the pages: where the WAR holds it, its media type, and whether it may be cached for a while. */
    record File(String resource, String mediaType, boolean cacheable) {
    }

    /** The files by their name under /api/docs/ ("" and index.html are the page itself). */
    static final Map<String, File> FILES = Map.of(
            INDEX, new File("/WEB-INF/api-docs/index.html", "text/html;charset=UTF-8", false),
            "galley-api-docs.js", new File("/WEB-INF/api-docs/galley-api-docs.js", "text/javascript;charset=UTF-8", true),
            "swagger-ui-bundle.js", new File("/WEB-INF/swagger-ui/swagger-ui-bundle.js", "text/javascript;charset=UTF-8", true),
            "swagger-ui-bundle.js.LICENSE.txt", new File("/WEB-INF/swagger-ui/swagger-ui-bundle.js.LICENSE.txt", "text/plain;charset=UTF-8", true),
            "swagger-ui.css", new File("/WEB-INF/swagger-ui/swagger-ui.css", "text/css;charset=UTF-8", true),
            "index.css", new File("/WEB-INF/swagger-ui/index.css", "text/css;charset=UTF-8", true),
            "favicon-32x32.png", new File("/WEB-INF/swagger-ui/favicon-32x32.png", "image/png", true),
            "favicon-16x16.png", new File("/WEB-INF/swagger-ui/favicon-16x16.png", "image/png", true));

    /** A file read once: its bytes, gzipped bytes when that is smaller, and their strong ETags. */
    record Loaded(byte[] plain, String plainTag, byte[] gzipped, String gzippedTag) {
    }

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String name = nameOf(request.getPathInfo());
        File file = name == null ? null : FILES.get(name);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Loaded content = loaded.computeIfAbsent(name, n -> load(file, request.getContextPath()));
        boolean gzip = content.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        String tag = gzip ? content.gzippedTag() : content.plainTag();

        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Cache-Control", file.cacheable() ? "public, max-age=3600" : "no-cache");
        response.setHeader("ETag", tag);
        if (content.gzipped() != null) response.setHeader("Vary", "Accept-Encoding");
        if (matches(request.getHeader("If-None-Match"), tag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? content.gzipped() : content.plain();
        response.setContentType(file.mediaType());
        if (gzip) response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The file name a path info asks for: null when it is not a plain name directly under /api/docs/. */
    static String nameOf(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) return INDEX;
        String name = pathInfo.substring(1);
        return name.isEmpty() || name.contains("/") ? null : name;
    }

    private Loaded load(File file, String contextPath) {
        try (InputStream in = open(file.resource())) {
            if (in == null) throw new IllegalStateException("Missing from the WAR and the module jar: " + file.resource());
            byte[] bytes = in.readAllBytes();
            if (file.resource().endsWith(".html")) {
                // Links to the other files are absolute, so the page works at /api/docs and at /api/docs/.
                bytes = new String(bytes, StandardCharsets.UTF_8)
                        .replace("{{docs}}", htmlAttribute(contextPath + Mount.current().apiPath() + DOCS))
                        .replace("{{document}}", htmlAttribute(DOCUMENT))
                        .getBytes(StandardCharsets.UTF_8);
            }
            byte[] gzipped = file.mediaType().startsWith("image/") ? null : gzip(bytes);
            if (gzipped != null && gzipped.length >= bytes.length) gzipped = null;
            return new Loaded(bytes, tagOf(bytes, ""), gzipped, gzipped == null ? null : tagOf(bytes, "-gzip"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file from the WAR's WEB-INF, else from the module jar (WEB-INF/x is META-INF/galley/x there). */
    private InputStream open(String resource) {
        InputStream in = getServletContext().getResourceAsStream(resource);
        if (in != null) return in;
        return ApiDocsPages.class.getClassLoader().getResourceAsStream(IN_JAR + resource.substring("/WEB-INF/".length()));
    }

    /** Whether an Accept-Encoding header admits gzip (not refused with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip")) continue;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.matches("q=0(\\.0{0,3})?")) return false;
            }
            return true;
        }
        return false;
    }

    /** Whether an If-None-Match header names this strong tag (or is *); weak tags compare by their value. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) return true;
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals(tag)) return true;
        }
        return false;
    }

    private static String tagOf(byte[] bytes, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + suffix + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static String htmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

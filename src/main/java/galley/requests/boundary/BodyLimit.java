package galley.requests.boundary;

import galley.configuration.boundary.JsonBinding;
import galley.errors.boundary.Problem;
import galley.errors.boundary.Problems;
import galley.errors.boundary.RequestIds;
import galley.requests.control.LimitedInputStream;
import galley.requests.control.RequestLimits;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds request bodies (mapped in {@code web.xml}): a declared {@code Content-Length} over the limit is
 * answered 413 before a byte is read; a body without one (chunked) is counted while it is read, and the
 * reader fails once it passes the limit ({@link JsonBodies} turns that into the same 413). Either way the
 * operation never runs, so nothing is written.
 */
public class BodyLimit implements Filter {

    @Inject
    RequestLimits limits;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        long limit = limits.bodyLimit(RequestPaths.of(request));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(declared == 0 ? request : new Limited(request, limit), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Problem problem = Problems.of(413, "body-too-large", "Content too large",
                "The request body is larger than the " + limit + " bytes accepted here", request, null);
        response.setStatus(413);
        response.setHeader(RequestIds.HEADER, problem.requestId());
        // The body was not read: the connection cannot carry another request after it.
        response.setHeader("Connection", "close");
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(JsonBinding.shared().toJson(problem).getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body stream counted. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CountedStream(super.getInputStream(), limit);
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    /** A servlet input stream that fails once more than the limit has been read. */
    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream original;
        private final LimitedInputStream limited;

        CountedStream(ServletInputStream original, long limit) {
            this.original = original;
            this.limited = new LimitedInputStream(original, limit);
        }

        @Override
        public int read() throws IOException {
            return limited.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return limited.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            return limited.skip(n);
        }

        @Override
        public int available() throws IOException {
            return original.available();
        }

        @Override
        public void close() throws IOException {
            original.close();
        }

        @Override
        public boolean isFinished() {
            return original.isFinished();
        }

        @Override
        public boolean isReady() {
            return original.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            original.setReadListener(listener);
        }
    }
}

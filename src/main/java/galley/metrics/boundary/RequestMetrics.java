package galley.metrics.boundary;

import galley.metrics.control.RequestTimers;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times every API request from the first servlet filter to the last byte written, and records it under the
 * operation JAX-RS routed it to ({@link OperationNames}, or the kept answer's operation for the public-response
 * cache) and its status class. First in web.xml, so the other filters' time counts too. Requests the
 * authentication filter refuses (a bad bearer token) never reach this one; they are counted apart.
 */
public class RequestMetrics implements Filter {

    @Inject
    RequestTimers timers;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        boolean thrown = true;
        try {
            chain.doFilter(request, response);
            thrown = false;
        } finally {
            if (thrown) {
                // The container answers it with a 500 after this filter is left.
                record(request, 500, started);
            } else if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(started));
            } else {
                record(request, ((HttpServletResponse) response).getStatus(), started);
            }
        }
    }

    private void record(ServletRequest request, int status, long started) {
        Object operation = request.getAttribute(OperationNames.PROPERTY);
        timers.record(operation instanceof String name ? name : null, status, System.nanoTime() - started);
    }

    private final class Completion implements AsyncListener {
        private final long started;

        Completion(long started) {
            this.started = started;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(event.getSuppliedRequest(), ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), started);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}

package galley.caching.boundary;

import galley.caching.control.CachedResponse;
import galley.caching.control.PublicResponses;
import galley.caching.control.ResponseKey;
import galley.metrics.boundary.OperationNames;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a public read from {@link PublicResponses} when an answer of the current content generation is
 * kept, before any resource runs: no SQL, no rendering. The other filters still run on it (CORS, Vary,
 * the statement count, which is then 0). On a miss it notes the key and the generation, and
 * {@link PublicCaching} keeps the answer once it has its bytes and ETag. Only GET of articles, authors, tags
 * and search (search answers for a few seconds at most, see ResponseKey.followsIndex); admin, sign-in, previews
 * and errors never (only 200 answers are kept).
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100)
public class PublicResponseCache implements ContainerRequestFilter {

    static final String KEY = PublicResponseCache.class.getName() + ".key";
    static final String GENERATION = PublicResponseCache.class.getName() + ".generation";
    static final String SERVED = PublicResponseCache.class.getName() + ".served";

    @Inject
    PublicResponses responses;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!responses.enabled() || !HttpMethod.GET.equals(request.getMethod())
                || !ResponseKey.cacheable(request.getUriInfo().getPath())) return;
        // Already looked up, and missed, by CachedAnswers before JAX-RS.
        Object missed = servletRequest.getAttribute(CachedAnswers.MISSED);
        String key = missed instanceof String k ? k : CachedAnswers.keyOf(servletRequest);
        CachedResponse kept = missed != null ? null : responses.find(key);
        if (kept == null) {
            // Before the resource reads anything: an answer rendered from older content is stamped older.
            request.setProperty(KEY, key);
            request.setProperty(GENERATION, responses.generation());
            return;
        }
        request.setProperty(SERVED, Boolean.TRUE);
        // No resource is matched for it: the metrics count it under the operation that rendered it.
        if (kept.operation() != null) request.setProperty(OperationNames.PROPERTY, kept.operation());
        boolean notModified = PublicCaching.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), kept.etag());
        Response.ResponseBuilder answer = notModified ? Response.notModified()
                : Response.ok(kept.body(), MediaType.valueOf(kept.mediaType()));
        kept.headers().forEach((name, values) -> values.forEach(v -> answer.header(name, v)));
        request.abortWith(answer.build());
    }
}

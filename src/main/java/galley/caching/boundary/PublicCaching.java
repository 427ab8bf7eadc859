package galley.caching.boundary;

import galley.caching.control.CachedResponse;
import galley.caching.control.PublicResponses;
import galley.caching.control.ResponseKey;
import galley.configuration.boundary.JsonBinding;
import galley.diagnostics.boundary.StatementCountHeader;
import galley.metrics.boundary.OperationNames;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP caching of the public read API: every successful read gets a strong {@code ETag} (a digest of the
 * exact bytes sent), {@code If-None-Match} with it is answered 304 without a body, and {@code Cache-Control}
 * lets browsers and CDNs keep answers for {@code galley.http.max-age} seconds and serve them stale while
 * they revalidate. The body is serialised once, here, and the same bytes are sent (and kept by
 * {@link PublicResponseCache} for the next reader). The admin API, sign-in and preview links are never cached.
 */
@jakarta.ws.rs.ext.Provider
@Priority(Priorities.HEADER_DECORATOR)
public class PublicCaching implements ContainerResponseFilter {

    @Inject
    @ConfigProperty(name = "galley.http.max-age", defaultValue = "60")
    int maxAge;

    @Inject
    @ConfigProperty(name = "galley.http.stale-while-revalidate", defaultValue = "300")
    int staleWhileRevalidate;

    @Inject
    PublicResponses responses;

    /** How long a search answer is kept at most (see ResponseKey.followsIndex); 0 keeps none. */
    @Inject
    @ConfigProperty(name = "galley.cache.responses.search-seconds", defaultValue = "5")
    int searchSeconds;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PublicResponseCache.SERVED) != null) return; // a kept answer: tagged already
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) return;
        if (response.getStatus() != 200 || !response.hasEntity() || !isPublic(request.getUriInfo().getPath())) return;
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) return; // it chose its own (previews: no-store)
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return;

        byte[] body = response.getEntity() instanceof byte[] bytes ? bytes
                : JsonBinding.shared().toJson(response.getEntity()).getBytes(StandardCharsets.UTF_8);
        String tag = "\"" + digest(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                "public, max-age=" + maxAge + ", stale-while-revalidate=" + staleWhileRevalidate);
        if (request.getProperty(PublicResponseCache.KEY) instanceof String key) {
            boolean search = ResponseKey.followsIndex(request.getUriInfo().getPath());
            if (!search || searchSeconds > 0) {
                long until = search ? System.currentTimeMillis() + searchSeconds * 1000L : CachedResponse.UNTIL_CHANGED;
                responses.keep(key, new CachedResponse((Long) request.getProperty(PublicResponseCache.GENERATION), body, tag,
                        type.toString(), kept(response.getStringHeaders()), (String) request.getProperty(OperationNames.PROPERTY), until));
            }
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), type);
    }

    /** The headers the answer carries whoever asks; per-request ones (statement count) are added again. */
    static Map<String, List<String>> kept(MultivaluedMap<String, String> headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(StatementCountHeader.HEADER)) {
                kept.put(name, List.copyOf(values));
            }
        });
        return kept;
    }

    /** Whether the path (relative to /api) is part of the public read API. */
    static boolean isPublic(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        // By whole segment: "authors" is public, "auth" (sign-in) is not.
        for (String closed : new String[] {"admin", "auth", "preview"}) {
            if (p.equals(closed) || p.startsWith(closed + "/")) return false;
        }
        return true;
    }

    /** If-None-Match: a list of tags (weak ones compare weakly, RFC 9110 13.1.2) or "*". */
    static boolean matches(String ifNoneMatch, String quotedTag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
        if (ifNoneMatch.strip().equals("*")) return true;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(quotedTag::equals);
    }

    static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package galley.i18n.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Public reads depend on Accept-Language (which version of a slug, which profile language, which list):
 * caches must keep one copy per language asked for.
 */
@Provider
public class VaryOnLanguage implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) return;
        String path = request.getUriInfo().getPath();
        if (path.startsWith("admin") || path.startsWith("/admin")) return;
        List<Object> vary = response.getHeaders().get(HttpHeaders.VARY);
        if (vary == null || vary.stream().noneMatch(v -> String.valueOf(v).toLowerCase().contains("accept-language"))) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}

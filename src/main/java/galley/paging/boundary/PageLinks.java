package galley.paging.boundary;

import galley.paging.control.Page;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** RFC 8288 {@code Link} headers (first, prev, next, last) for a paged list, keeping the other query parameters. */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response.ResponseBuilder add(Response.ResponseBuilder response, UriInfo uriInfo, Page<?> page) {
        int last = page.totalPages();
        link(response, uriInfo, 1, page.size(), "first");
        if (page.page() > 1) link(response, uriInfo, Math.min(page.page() - 1, last), page.size(), "prev");
        if (page.page() < last) link(response, uriInfo, page.page() + 1, page.size(), "next");
        link(response, uriInfo, last, page.size(), "last");
        return response.header("X-Total-Count", page.total());
    }

    private static void link(Response.ResponseBuilder response, UriInfo uriInfo, int page, int size, String rel) {
        UriBuilder uri = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size);
        response.link(uri.build(), rel);
    }
}

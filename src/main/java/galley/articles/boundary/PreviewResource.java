package galley.articles.boundary;

import galley.articles.control.ArticlePreviews;
import galley.articles.control.PreviewLinks;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, for holders of a preview link: a draft as the public API will show it once published. */
@Path("preview")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    @Inject
    PreviewLinks links;

    @Inject
    ArticlePreviews previews;

    @GET
    @Path("{token}")
    @Operation(operationId = "previewArticle", summary = "Read an article through a preview link",
            description = "The article in any status, rendered as GET /api/articles/{slug} renders a published one. "
                    + "An unknown or tampered token is a 404, an expired one a 410. Never cached.")
    @APIResponse(responseCode = "200", description = "The article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Article")))
    @APIResponse(responseCode = "410", description = "The link has expired.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response preview(@PathParam("token") String token) {
        var article = previews.forLink(links.verify(token));
        return privately(Response.ok(ArticleView.of(article, null))).build();
    }

    /** A preview is for one reader: no shared cache may keep it, no search engine index it. */
    static Response.ResponseBuilder privately(Response.ResponseBuilder response) {
        CacheControl none = new CacheControl();
        none.setNoStore(true);
        none.setPrivate(true);
        return response.cacheControl(none).header("X-Robots-Tag", "noindex");
    }
}

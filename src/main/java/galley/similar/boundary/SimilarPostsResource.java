package galley.similar.boundary;

import galley.articles.control.PublishedArticles;
import galley.i18n.boundary.LanguageParam;
import galley.paging.boundary.Params;
import galley.similar.control.SimilarPosts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: the "Similar Posts" block of a published article. */
@Path("articles/{slug}/similar")
@Tag(name = "Similar posts")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarPostsResource {

    @Inject
    PublishedArticles published;

    @Inject
    SimilarPosts similar;

    @GET
    @Operation(operationId = "listSimilarPosts", summary = "List an article's similar posts",
            description = "Published articles in the same language, most similar first, with editors' pins at their positions. "
                    + "Never the article itself, one of its translations, or an unpublished or excluded article.")
    @APIResponse(responseCode = "200", description = "The similar posts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SimilarPostList")))
    public SimilarPostList list(
            @Parameter(description = "The article's slug.", example = "caspian-ports-ferry-capacity") @PathParam("slug") String slug,
            @Parameter(description = "The article's language (BCP 47).", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "How many, 1 to 20.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "5"))
            @QueryParam("limit") String limit) {
        int n = Params.integer("limit", limit, 5, 1, SimilarPosts.MAX);
        var article = published.bySlugShallow(slug, LanguageParam.parse(lang));
        return new SimilarPostList(similar.served(article, n).stream().map(SimilarPostView::of).toList());
    }
}

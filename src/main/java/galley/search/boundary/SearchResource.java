package galley.search.boundary;

import galley.errors.control.InvalidRequest;
import galley.i18n.boundary.LanguageParam;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.search.control.ArticleSearch;
import galley.text.control.Slugs;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: full-text search of published articles. */
@Path("search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    ArticleSearch search;

    @GET
    @Operation(operationId = "searchArticles", summary = "Search published articles",
            description = "Lucene query syntax: words (all must match), \"phrases\", OR, -exclusions, prefix*, field boosts. "
                    + "Text is matched by the rules of its language (stemming, stop words, Turkish İ/ı). Relevance-ranked, "
                    + "paged with Link headers; an unparsable query is a 400.")
    @APIResponse(responseCode = "200", description = "A page of results.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SearchPage")))
    @APIResponse(responseCode = "503", description = "The search index cannot be reached (the OpenSearch cluster is away): "
            + "articles are still served; try the search again after Retry-After seconds.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response search(
            @Parameter(description = "The query.", required = true, example = "caspian ferry",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ArticleSearch.MAX_QUERY_LENGTH)) @QueryParam("q") String q,
            @Parameter(description = "Only articles in this language (BCP 47).", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "Only articles with this tag (slug).") @QueryParam("tag") String tag,
            @Parameter(description = "Only articles by this author (slug).") @QueryParam("author") String author,
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        var result = search.search(q, LanguageParam.parse(lang), slug("tag", tag), slug("author", author), Params.page(page, size))
                .map(SearchHitView::of);
        return PageLinks.add(Response.ok(SearchPage.of(result)), uriInfo, result).build();
    }

    private static String slug(String name, String value) {
        if (value == null || value.isBlank()) return null;
        if (!Slugs.isValid(value)) throw new InvalidRequest(name, name + " must be a slug");
        return value;
    }
}

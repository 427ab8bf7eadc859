package galley.articles.boundary;

import galley.articles.control.PublishedArticles;
import galley.authors.control.Authors;
import galley.paging.boundary.PageLinks;
import galley.i18n.boundary.ContentLanguage;
import galley.i18n.control.SiteLanguages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

/** Public: an author's published articles. */
@Path("authors/{slug}/articles")
@Tag(name = "Authors")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorArticlesResource {

    @Inject
    PublishedArticles published;

    @Inject
    Authors authors;

    @GET
    @Operation(operationId = "listAuthorArticles", summary = "List an author's published articles",
            description = "Paged and filtered like the article list.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ArticlePage")))
    public Response list(
            @Parameter(description = "The author's slug.", example = "selin-arslan") @PathParam("slug") String slug,
            @Parameter(description = "Only articles in this language (BCP 47); without it, the language Accept-Language asks for, else all.", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "Used when lang is absent: the best match among the site's languages.", example = "tr-TR,tr;q=0.9,en;q=0.5") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "With a language: default also lists the default language's articles that have no version in it.", schema = @Schema(type = SchemaType.STRING, enumeration = {"default", "none"})) @QueryParam("fallback") String fallback,
            @Parameter(description = "Only articles with this tag (slug).") @QueryParam("tag") String tag,
            @Parameter(description = "Published on or after: a date (UTC) or an instant.") @QueryParam("from") String from,
            @Parameter(description = "Published on or before this date (UTC), or before this instant.") @QueryParam("to") String to,
            @Parameter(description = "Order.", schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "oldest", "title"}, defaultValue = "newest")) @QueryParam("sort") String sort,
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        authors.requireExists(slug);
        var query = ListParams.publicQuery(lang, acceptLanguage, fallback, tag, slug, from, to, sort, page, size);
        var result = published.page(query).map(ArticleSummary::of);
        return PageLinks.add(ContentLanguage.served(Response.ok(ArticlePage.of(result)), query.language()), uriInfo, result).build();
    }
}

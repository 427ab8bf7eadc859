package galley.articles.boundary;

import galley.articles.control.PublishedArticles;
import galley.i18n.boundary.LanguageParam;
import galley.paging.boundary.PageLinks;
import galley.similar.boundary.SimilarPostView;
import galley.similar.control.SimilarPosts;
import galley.articles.control.ArticleWithTranslations;
import galley.errors.control.NotFound;
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

/** Public: published articles. Drafts are 404, exactly like slugs that do not exist. */
@Path("articles")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

    @Inject
    PublishedArticles published;

    @Inject
    SimilarPosts similar;

    @GET
    @Operation(operationId = "listArticles", summary = "List published articles",
            description = "Newest first unless sorted otherwise. RFC 8288 Link headers point to the first, previous, next and last pages.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ArticlePage")))
    public Response list(
            @Parameter(description = "Only articles in this language (BCP 47); without it, the language Accept-Language asks for, else all.", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "Used when lang is absent: the best match among the site's languages.", example = "tr-TR,tr;q=0.9,en;q=0.5") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "With a language: default also lists the default language's articles that have no version in it.", schema = @Schema(type = SchemaType.STRING, enumeration = {"default", "none"})) @QueryParam("fallback") String fallback,
            @Parameter(description = "Only articles with this tag (slug).", example = "central-asia") @QueryParam("tag") String tag,
            @Parameter(description = "Only articles by this author (slug).", example = "selin-arslan") @QueryParam("author") String author,
            @Parameter(description = "Published on or after: a date (UTC) or an instant.", example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(description = "Published on or before this date (UTC), or before this instant.", example = "2024-03-31") @QueryParam("to") String to,
            @Parameter(description = "Order.", schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "oldest", "title"}, defaultValue = "newest")) @QueryParam("sort") String sort,
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        var query = ListParams.publicQuery(lang, acceptLanguage, fallback, tag, author, from, to, sort, page, size);
        var result = published.page(query).map(ArticleSummary::of);
        return PageLinks.add(ContentLanguage.served(Response.ok(ArticlePage.of(result)), query.language()), uriInfo, result).build();
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getArticle", summary = "Get a published article by slug",
            description = "Slugs are unique per language; give lang when the same slug exists in several languages.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Article")))
    @APIResponse(responseCode = "301", description = "An earlier slug of a published article: Location gives the current one.")
    public Response get(
            @Parameter(description = "The article's slug.", example = "caspian-ports-ferry-capacity") @PathParam("slug") String slug,
            @Parameter(description = "The article's language (BCP 47).", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "When the slug exists in several languages and lang is absent, the best match wins.", example = "tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "Related data to embed: similar (the first five similar posts).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"similar"})) @QueryParam("include") String include,
            @Context UriInfo uriInfo) {
        boolean withSimilar = Includes.parse(include).contains("similar");
        String language = LanguageParam.parse(lang);
        ArticleWithTranslations loaded;
        try {
            loaded = published.bySlug(slug, language, SiteLanguages.choice().choose(language, acceptLanguage).language());
        } catch (NotFound e) {
            // An old slug of a published article: send the reader on, permanently.
            var moved = published.movedFrom(slug, language).orElseThrow(() -> e);
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(uriInfo.getBaseUriBuilder().path("articles")
                    .path(moved.getSlug()).replaceQuery(uriInfo.getRequestUri().getRawQuery())
                    .replaceQueryParam("lang", moved.getLanguage()).build()).build();
        }
        return ContentLanguage.served(Response.ok(ArticleView.of(loaded, withSimilar
                ? similar.served(loaded.article(), 5).stream().map(SimilarPostView::of).toList() : null)), loaded.article().getLanguage()).build();
    }
}

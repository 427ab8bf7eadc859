package galley.authors.boundary;

import galley.authors.control.Authors;
import galley.i18n.boundary.LanguageParam;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
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

/** Public: author profiles. */
@Path("authors")
@Tag(name = "Authors")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorsResource {

    @Inject
    Authors authors;

    @GET
    @Operation(operationId = "listAuthors", summary = "List authors", description = "By name; RFC 8288 Link headers point to the other pages.")
    @APIResponse(responseCode = "200", description = "A page of authors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorPage")))
    public Response list(
            @Parameter(description = "Language for positions and organisations (BCP 47).", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "Used when lang is absent: the best match among the site's languages, else the default language.", example = "tr-TR,tr;q=0.9") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        var chosen = SiteLanguages.choice().choose(LanguageParam.parse(lang), acceptLanguage);
        String language = chosen.preferred() ? chosen.language() : null;
        var result = authors.page(Params.page(page, size)).map(a -> AuthorSummary.of(a, language));
        return PageLinks.add(Response.ok(AuthorPage.of(result)), uriInfo, result).build();
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getAuthor", summary = "Get an author's profile",
            description = "Position, organisation, bio and expertise in the language asked for (lang, else Accept-Language, else the site's default), "
                    + "falling back along the site's fallback chain, then to the author's default language. Content-Language says which was served.")
    @APIResponse(responseCode = "200", description = "The author",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Author")))
    public Response get(
            @Parameter(description = "The author's slug.", example = "selin-arslan") @PathParam("slug") String slug,
            @Parameter(description = "Preferred language (BCP 47).", example = "tr") @QueryParam("lang") String lang,
            @Parameter(description = "Used when lang is absent: the best match among the site's languages, else the default language.", example = "tr-TR,tr;q=0.9") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var chosen = SiteLanguages.choice().choose(LanguageParam.parse(lang), acceptLanguage);
        // Without a preference, an author is shown in their own default language.
        AuthorView view = AuthorView.of(authors.bySlug(slug), chosen.preferred() ? chosen.language() : null);
        return ContentLanguage.served(Response.ok(view), view.language()).build();
    }
}

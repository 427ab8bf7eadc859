package galley.authors.boundary;

import galley.authors.control.Authors;
import galley.concurrency.boundary.ETags;
import galley.concurrency.boundary.MergePatch;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.security.boundary.AdminApi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: create, read, replace and delete authors. */
@Path("admin/authors")
@AdminApi
@Tag(name = "Authors (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuthorsResource {

    @Inject
    Authors authors;

    @Inject
    Validator validator;

    @GET
    @Operation(operationId = "adminListAuthors", summary = "List authors",
            description = "All authors, by name, with their slugs and languages, paged.")
    @APIResponse(responseCode = "200", description = "Authors by name; paged with Link headers.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAuthorPage")))
    public Response list(
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        var result = authors.pageForEditors(Params.page(page, size)).map(AdminAuthorView::of);
        return PageLinks.add(Response.ok(AdminAuthorPage.of(result)), uriInfo, result).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateAuthor", summary = "Create an author",
            description = "Creates an author with a profile (honorific, position, organisation, bio) in one or more languages, expertise and degrees. Answers 201 with the author and its ETag.")
    @APIResponse(responseCode = "201", description = "The new author.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAuthor")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorInput"))) @NotNull @Valid AuthorInput input, @Context UriInfo uriInfo) {
        var author = authors.create(input.toFields());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(author.getId().toString()).build())
                .entity(AdminAuthorView.of(author)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetAuthor", summary = "Get an author with every language",
            description = "The author with the profile in every language, expertise, degrees and links. The ETag is its version, for If-Match on the next change.")
    @APIResponse(responseCode = "200", description = "The author.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAuthor")))
    public AdminAuthorView get(@PathParam("id") UUID id) {
        return AdminAuthorView.of(authors.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminReplaceAuthor", summary = "Replace an author",
            description = "Replaces every field; a missing slug keeps the current one.")
    @APIResponse(responseCode = "200", description = "The author as replaced.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAuthor")))
    public AdminAuthorView replace(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorInput"))) @NotNull @Valid AuthorInput input) {
        return AdminAuthorView.of(authors.replace(id, ETags.expected(ifMatch), input.toFields()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "adminPatchAuthor", summary = "Change some fields of an author (JSON Merge Patch)",
            description = "RFC 7396: the fields given replace the current ones, null removes an optional one, absent ones stay; "
                    + "a profile object merges by language. The result must be a valid AuthorInput.")
    @APIResponse(responseCode = "200", description = "The author as changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAuthor")))
    public AdminAuthorView patch(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                                         schema = @Schema(ref = "AuthorInput"))) String patch) {
        Long expected = ETags.expected(ifMatch);
        var current = authors.get(id);
        long base = expected == null ? current.getVersion() : expected;
        AuthorInput patched = MergePatch.apply(AuthorInput.of(current), patch, AuthorInput.class, validator);
        return AdminAuthorView.of(authors.replace(id, base, patched.toFields()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "adminDeleteAuthor", summary = "Delete an author who is named on no article",
            description = "Deletes an author. An author still named on an article cannot be deleted (409): remove them from the articles first.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        authors.delete(id, ETags.expected(ifMatch));
        return Response.noContent().build();
    }
}

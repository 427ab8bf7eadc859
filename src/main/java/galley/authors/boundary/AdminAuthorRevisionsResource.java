package galley.authors.boundary;

import galley.authors.control.Authors;
import galley.concurrency.boundary.ETags;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.revisions.boundary.RevisionDiffView;
import galley.revisions.boundary.RevisionDiffs;
import galley.revisions.boundary.RevisionPage;
import galley.revisions.boundary.RevisionView;
import galley.security.boundary.AdminApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: an author's revision history (Hibernate Envers), comparisons, and restoring an earlier revision. */
@Path("admin/authors/{id}/revisions")
@AdminApi
@Tag(name = "Authors (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuthorRevisionsResource {

    @Inject
    Authors authors;

    @GET
    @Operation(operationId = "adminListAuthorRevisions", summary = "List an author's revisions",
            description = "Newest first; every change is one. Kept after the author is deleted.")
    @APIResponse(responseCode = "200", description = "A page of revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RevisionPage")))
    public Response list(@PathParam("id") UUID id,
                         @Parameter(description = "Page number, from 1.", example = "1") @QueryParam("page") String page,
                         @Parameter(description = "Revisions per page, 1-100.", example = "20") @QueryParam("size") String size,
                         @Context UriInfo uriInfo) {
        var result = authors.history(id, Params.page(page, size));
        return PageLinks.add(Response.ok(RevisionPage.of(result)), uriInfo, result).build();
    }

    @GET
    @Path("{number}")
    @Operation(operationId = "adminGetAuthorRevision", summary = "Get an author as it was at a revision",
            description = "The author's fields as they were saved at revision number, from the history Hibernate Envers keeps of every change.")
    @APIResponse(responseCode = "200", description = "The author's profile at that revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuthorRevision")))
    public AuthorRevisionView get(@PathParam("id") UUID id, @Parameter(description = "A revision number.", example = "12", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("number") String number) {
        return AuthorRevisionView.of(authors.atRevision(id, RevisionView.number("number", number)));
    }

    @GET
    @Path("compare")
    @Operation(operationId = "adminCompareAuthorRevisions", summary = "Compare two revisions of an author",
            description = "The fields whose values differ, named as in AuthorInput.")
    @APIResponse(responseCode = "200", description = "The differences",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RevisionDiff")))
    public RevisionDiffView compare(@PathParam("id") UUID id,
                                    @Parameter(description = "The earlier revision number.", required = true, example = "12") @QueryParam("from") String from,
                                    @Parameter(description = "The later revision number; the newest when absent.", example = "15") @QueryParam("to") String to) {
        var before = AuthorRevisionView.of(authors.atRevision(id, RevisionView.number("from", from)));
        var after = AuthorRevisionView.of(to == null ? authors.latestRevision(id) : authors.atRevision(id, RevisionView.number("to", to)));
        return RevisionDiffs.between(before.revision(), before, after.revision(), after, "author");
    }

    @POST
    @Path("{number}/restore")
    @Operation(operationId = "adminRestoreAuthorRevision", summary = "Restore an earlier revision of an author",
            description = "Their profile becomes current again as a new change: a new revision, the version +1, "
                    + "the same checks as a PUT. A slug taken since by another author is a 409.")
    @APIResponse(responseCode = "200", description = "The author after the restore",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAuthor")))
    public AdminAuthorView restore(@PathParam("id") UUID id, @Parameter(description = "A revision number.", example = "12", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("number") String number,
                                    @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"")
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return AdminAuthorView.of(authors.restore(id, RevisionView.number("number", number), ETags.expected(ifMatch)));
    }
}

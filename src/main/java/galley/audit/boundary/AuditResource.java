package galley.audit.boundary;

import galley.audit.control.AuditLog;
import galley.errors.control.InvalidRequest;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.security.boundary.AdminApi;
import galley.security.entity.Role;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: the audit log of admin actions and sign-ins. */
@Path("admin/audit")
@AdminApi(value = Role.ADMIN, scopes = {})
@Tag(name = "Audit log (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log",
            description = "Every change made through the admin API and every sign-in attempt, newest first.")
    @APIResponse(responseCode = "200", description = "A page of entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditPage")))
    public Response list(@Parameter(description = "Only this actor's entries.", example = "editor") @QueryParam("actor") String actor,
                         @Parameter(description = "Page number, from 1.", example = "1") @QueryParam("page") String page,
                         @Parameter(description = "Entries per page, 1-100.", example = "20") @QueryParam("size") String size,
                         @Context UriInfo uriInfo) {
        if (actor != null && (actor.length() > 100 || actor.chars().anyMatch(Character::isISOControl))) {
            // PostgreSQL refuses NUL in text; no actor name has control characters or is that long.
            throw new InvalidRequest("actor", "actor must be a user name or token:<name> of at most 100 characters");
        }
        var result = audit.page(actor == null || actor.isBlank() ? null : actor, Params.page(page, size));
        return PageLinks.add(Response.ok(AuditPage.of(result)), uriInfo, result).build();
    }
}

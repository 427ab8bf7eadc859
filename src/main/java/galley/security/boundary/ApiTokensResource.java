package galley.security.boundary;

import galley.security.control.ApiTokens;
import galley.security.entity.Role;
import galley.security.entity.Scope;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: API tokens for machines. */
@Path("admin/tokens")
@AdminApi(value = Role.ADMIN, scopes = {})
@Tag(name = "API tokens (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(operationId = "listApiTokens", summary = "List API tokens", description = "Newest first, revoked and expired ones included.")
    @APIResponse(responseCode = "200", description = "The tokens.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiTokenList")))
    public ApiTokenList list() {
        return new ApiTokenList(tokens.list().stream().map(ApiTokenView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Create an API token",
            description = "The answer holds the token itself, the only time it is shown.")
    @APIResponse(responseCode = "201", description = "The new token and its secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedApiToken")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ApiTokenInput"))) @NotNull @Valid ApiTokenInput input, @Context UriInfo uriInfo) {
        ApiTokens.Created created = tokens.create(input.name(), Scope.ofName(input.scope()), input.expiresAt());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.token().getId().toString()).build())
                .entity(new CreatedApiTokenView(ApiTokenView.of(created.token()), created.secret())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiToken", summary = "Get an API token",
            description = "One API token's name, scope, expiry and last use. The secret itself is shown only once, when the token is created.")
    @APIResponse(responseCode = "200", description = "The token (without its secret).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiToken")))
    public ApiTokenView get(@PathParam("id") UUID id) {
        return ApiTokenView.of(tokens.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token", description = "At once; it stays listed as revoked.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("id") UUID id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}

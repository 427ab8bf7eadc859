package galley.security.boundary;

import galley.security.control.Users;
import galley.security.entity.Role;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: the users who may sign in. */
@Path("admin/users")
@AdminApi(value = Role.ADMIN, scopes = {})
@Tag(name = "Users (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @GET
    @Operation(operationId = "listUsers", summary = "List users",
            description = "Every user with their roles. Passwords are never shown.")
    @APIResponse(responseCode = "200", description = "Users by name.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserList")))
    public UserList list() {
        return new UserList(users.list().stream().map(UserView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user",
            description = "Creates a user with a password (stored only as a PBKDF2 hash) and roles: admin, editor or author.")
    @APIResponse(responseCode = "201", description = "The new user.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "User")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserInput"))) @NotNull @Valid UserInput input, @Context UriInfo uriInfo) {
        var user = users.create(input.username(), input.password(), input.displayName(),
                input.roles().stream().map(Role::ofName).collect(Collectors.toSet()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.getId().toString()).build())
                .entity(UserView.of(user)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "Get a user",
            description = "One user with their roles.")
    @APIResponse(responseCode = "200", description = "The user.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "User")))
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(users.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a user",
            description = "Deletes a user: their sign-in tokens stop working at once. Admins cannot delete their own account (409).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id) {
        users.delete(id);
        return Response.noContent().build();
    }
}

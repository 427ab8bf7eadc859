package galley.security.boundary;

import galley.errors.boundary.RequestIds;
import galley.security.control.AccessTokens;
import galley.security.control.SignIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in: a user name and password for a short-lived bearer token that the admin API accepts. */
@Path("auth/token")
@Tag(name = "Sign-in")
public class TokenResource {

    @Inject
    SignIn signIn;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in for a bearer token",
            description = "Send the token as `Authorization: Bearer <access_token>` to the admin API until it expires. "
                    + "Failed attempts are throttled per account and per client address (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "A token.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "401", description = "Wrong user name or password.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins: wait Retry-After seconds.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "Sign-in is not configured on this server (no signing key).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response signIn(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "TokenRequest"))) @NotNull @Valid TokenRequest input) {
        AccessTokens.Issued issued = signIn.signIn(input.username(), input.password(),
                new SignIn.Origin(addresses.of(request), RequestIds.of(request)));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresIn())).cacheControl(noStore).build();
    }
}

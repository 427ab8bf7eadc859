package galley.security.boundary;

import galley.errors.boundary.RequestIds;
import galley.requests.boundary.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic authentication against Galley's users. Requests without credentials pass as anonymous
 * (the public API needs none; admin operations refuse anonymous callers themselves); wrong credentials
 * are answered 401 with a problem body at once.
 */
@ApplicationScoped
public class BasicAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"galley\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) return context.doNothing();
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return refuse(request, response, "Unsupported authorization scheme; use Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(request, response, "Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return refuse(request, response, "Malformed Basic credentials");
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return refuse(request, response, "Wrong user name or password");
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String detail) {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "urn:galley:problem:unauthenticated")
                .add("title", "Authentication failed")
                .add("status", 401)
                .add("detail", detail)
                .add("instance", request.getRequestURI())
                .add("requestId", RequestIds.of(request));
        try {
            response.setStatus(401);
            // Authentication runs before the servlet filters, so this answer gets its headers here.
            SecurityHeaders.apply(request, response);
            response.setHeader("WWW-Authenticate", CHALLENGE);
            // JSON is UTF-8 by definition (RFC 8259): no charset parameter.
            response.setContentType("application/problem+json");
            response.getOutputStream().write(problem.build().toString().getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}

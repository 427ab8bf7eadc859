package galley.security.control;

import galley.audit.control.AuditLog;
import galley.errors.control.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.UUID;

/** Exchanges a user name and password for a sign-in token; throttled, and every attempt audited. */
@ApplicationScoped
public class SignIn {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInThrottle throttle;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    /** Where a sign-in comes from, for throttling and the audit log. */
    public record Origin(String address, String requestId) {
    }

    public AccessTokens.Issued signIn(String username, String password, Origin origin) {
        try {
            throttle.check(username, origin.address());
        } catch (RuntimeException refused) {
            audit.record(username, "signIn", "POST", "/api/auth/token", null, 429, origin.address(), origin.requestId());
            throw refused;
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(username, origin.address());
            audit.record(username, "signIn", "POST", "/api/auth/token", null, 401, origin.address(), origin.requestId());
            throw AccessDenied.wrongCredentials();
        }
        throttle.succeeded(username);
        AccessTokens.Issued issued = tokens.issue(UUID.fromString(result.getCallerUniqueId()),
                result.getCallerPrincipal().getName(), result.getCallerGroups());
        audit.record(result.getCallerPrincipal().getName(), "signIn", "POST", "/api/auth/token", null, 200,
                origin.address(), origin.requestId());
        return issued;
    }
}

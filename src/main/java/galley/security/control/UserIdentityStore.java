package galley.security.control;

import galley.database.control.GalleyUnit;
import galley.security.entity.Role;
import galley.security.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks user names and passwords against Galley's users; a user's roles are their groups. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        User user = em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", login.getCaller())
                .getResultStream().findFirst().orElse(null);
        boolean valid = hashing.matches(login.getPasswordAsString(), user == null ? null : user.getPasswordHash());
        if (!valid) return CredentialValidationResult.INVALID_RESULT;
        Set<String> groups = user.getRoles().stream().map(Role::roleName).collect(Collectors.toSet());
        return new CredentialValidationResult(null, user.getUsername(), null, user.getId().toString(), groups);
    }
}

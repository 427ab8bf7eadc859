package galley.security.control;

import galley.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first admin of a new installation, from configuration ({@code GALLEY_ADMIN_USER},
 * {@code GALLEY_ADMIN_PASSWORD}): created when no admin exists yet. There are no built-in credentials.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "galley.admin.user")
    Optional<String> adminUser;

    @Inject
    @ConfigProperty(name = "galley.admin.password")
    Optional<String> adminPassword;

    public void run() {
        if (adminUser.isEmpty() || adminPassword.isEmpty()) {
            if (!users.anyWithRole(Role.ADMIN)) {
                LOG.warning("No admin user exists. Set GALLEY_ADMIN_USER and GALLEY_ADMIN_PASSWORD "
                        + "(at least " + PasswordHashing.MIN_PASSWORD_LENGTH + " characters) and restart to create one.");
            }
            return;
        }
        if (users.anyWithRole(Role.ADMIN)) return;
        try {
            users.ensure(adminUser.get(), adminPassword.get(), Set.of(Role.ADMIN));
        } catch (RuntimeException e) {
            // Nodes of a cluster starting together on a new database: another one created the admin first
            // (the unique user name refused this one). Anything else is a real failure.
            if (!users.anyWithRole(Role.ADMIN)) throw e;
            LOG.info(() -> "The admin user was created by another node meanwhile.");
            return;
        }
        LOG.info(() -> "Created the admin user '" + adminUser.get() + "' from configuration.");
    }
}

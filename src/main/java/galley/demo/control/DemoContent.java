package galley.demo.control;

import galley.database.control.GalleyUnit;
import galley.security.control.AccessControl;
import galley.security.control.Users;
import galley.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded demo run ({@code GALLEY_DEMO_ENABLED=true}): a demo admin, and, on an empty database
 * only, a small publication to explore (written for Galley, in the shape of a think-tank site). It goes
 * in through the same services editors use, in one transaction ({@link DemoLoader}), and never
 * touches a database that already has content.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    @Inject
    @ConfigProperty(name = "galley.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "galley.demo.admin.user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "galley.demo.admin.password")
    Optional<String> adminPassword;

    @Inject
    Users users;

    @Inject
    DemoLoader loader;

    @Inject
    @GalleyUnit
    EntityManager em;

    public void runIfEnabled() {
        if (!enabled) return;
        String password = adminPassword.filter(p -> !p.isBlank()).orElseGet(DemoContent::generatePassword);
        users.ensure(adminUser, password, Set.of(Role.ADMIN));
        LOG.warning(() -> String.join("\n", "",
                "================================================================",
                " DEMO ONLY: this Galley runs in demo mode with a demo admin.",
                "   user:     " + adminUser,
                "   password: " + password,
                " Never use demo mode or these credentials in production.",
                "================================================================"));
        if (hasContent()) {
            LOG.info("Demo content not loaded: the database already has content.");
            return;
        }
        int[] loaded = AccessControl.asSystem(loader::load);
        LOG.info(() -> "Loaded demo content: " + loaded[0] + " authors, " + loaded[1] + " articles.");
    }

    boolean hasContent() {
        long rows = em.createQuery("select count(a) from Article a", Long.class).getSingleResult()
                + em.createQuery("select count(a) from Author a", Long.class).getSingleResult()
                + em.createQuery("select count(t) from Tag t", Long.class).getSingleResult();
        return rows > 0;
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

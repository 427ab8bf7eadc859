package galley.configuration.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's resources Galley's services use, looked up by their standard names when a service is made
 * ({@code @PostConstruct}). Not {@code @Resource} fields: Payara 7.2025.1 binds the {@code @Resource} fields of
 * CDI beans in a WAR's {@code WEB-INF/lib} (Galley's module jar in a host application) as String environment
 * entries, ignoring their type and lookup, and the deployment fails.
 */
public final class PlatformResources {

    private PlatformResources() {
    }

    public static ManagedExecutorService executor() {
        return lookup("java:comp/DefaultManagedExecutorService");
    }

    public static ManagedScheduledExecutorService scheduler() {
        return lookup("java:comp/DefaultManagedScheduledExecutorService");
    }

    public static TransactionSynchronizationRegistry transactions() {
        return lookup("java:comp/TransactionSynchronizationRegistry");
    }

    public static <T> T lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("No " + name + " in this server", e);
        }
    }
}

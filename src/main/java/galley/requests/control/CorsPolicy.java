package galley.requests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser origins may call which part of the API, as configured: the public read API is open to
 * {@code galley.cors.allowed-origins} ({@code *} by default), the admin and sign-in APIs to
 * {@code galley.cors.admin-origins} (none by default). One place, so every path that answers a request
 * (the JAX-RS filters and the servlet-level answers of the public-response cache) applies the same rules.
 */
@ApplicationScoped
public class CorsPolicy {

    private static final Logger LOG = Logger.getLogger(CorsPolicy.class.getName());

    @Inject
    @ConfigProperty(name = "galley.cors.allowed-origins", defaultValue = "*")
    String allowedOrigins;

    @Inject
    @ConfigProperty(name = "galley.cors.admin-origins")
    Optional<String> adminOrigins;

    @Inject
    @ConfigProperty(name = "galley.cors.max-age", defaultValue = "3600")
    long maxAge;

    private volatile Origins open;
    private volatile Origins signedIn;

    public Origins originsFor(ApiArea area) {
        if (open == null) {
            signedIn = parse("galley.cors.admin-origins", adminOrigins.orElse(""));
            open = parse("galley.cors.allowed-origins", allowedOrigins);
        }
        return area == ApiArea.PUBLIC ? open : signedIn;
    }

    public long maxAge() {
        return maxAge;
    }

    private static Origins parse(String key, String value) {
        Origins origins = Origins.parse(value);
        if (!origins.invalid().isEmpty()) LOG.warning(key + ": ignoring entries that are not origins: " + origins.invalid());
        return origins;
    }
}

package galley.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, for throttling and the audit log. Behind a reverse proxy every request
 * comes from the proxy: list it in {@code galley.http.trusted-proxies} and the client address is taken from
 * the last {@code X-Forwarded-For} entry the proxy added. Nobody else is believed.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "galley.http.trusted-proxies")
    Optional<String> trustedProxies; // comma-separated; Payara's config cannot inject Optional<List<String>>

    private Set<String> trusted;

    public String of(HttpServletRequest request) {
        if (trusted == null) trusted = java.util.Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(peer)) return peer;
        String[] hops = forwarded.split(",");
        String client = hops[hops.length - 1].strip();
        return client.isEmpty() || client.length() > 64 ? peer : client;
    }
}

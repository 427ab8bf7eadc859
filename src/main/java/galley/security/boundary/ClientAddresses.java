package galley.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request comes from, for throttling and the audit log. Behind a reverse proxy every request
 * comes from the proxy: list it in {@code galley.http.trusted-proxies} and the client address is taken from
 * the last {@code X-Forwarded-For} entry the proxy added. Nobody else is believed.
 */
@ApplicationScoped
public class ClientAddresses {

    private Set<String> trusted;

    public String of(HttpServletRequest request) {
        if (trusted == null) {
            // Read as a list through the Config API: Payara's injection has no Optional<List<String>>.
            trusted = ConfigProvider.getConfig().getOptionalValues("galley.http.trusted-proxies", String.class).orElse(List.of())
                    .stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(peer)) return peer;
        String[] hops = forwarded.split(",");
        String client = hops[hops.length - 1].strip();
        return client.isEmpty() || client.length() > 64 ? peer : client;
    }
}

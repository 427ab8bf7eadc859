package galley.requests.boundary;

import galley.errors.control.InvalidRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Query parameters that cannot mean anything are refused with 400 before an operation runs: one given twice
 * (every parameter of the API takes one value; JAX-RS would quietly use the first, so ?tag=a&tag=b would
 * read as tag=a), and values with control characters, which no slug, tag, language, date or search needs.
 */
@Provider
public class QueryParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            if (values.size() > 1) throw new InvalidRequest(name, name + " is given " + values.size() + " times; it takes one value");
            for (String value : values) {
                if (hasControlCharacter(value)) throw new InvalidRequest(name, name + " must not contain control characters");
            }
        }
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return true;
        }
        return false;
    }
}

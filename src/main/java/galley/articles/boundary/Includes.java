package galley.articles.boundary;

import galley.errors.control.InvalidRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code include} query parameter: a comma-separated list of related data to embed. */
final class Includes {

    static final Set<String> KNOWN = Set.of("similar");

    private Includes() {
    }

    static Set<String> parse(String include) {
        Set<String> wanted = new LinkedHashSet<>();
        if (include == null || include.isBlank()) return wanted;
        for (String part : include.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) continue;
            if (!KNOWN.contains(name)) throw new InvalidRequest("include", "include may name: " + String.join(", ", KNOWN));
            wanted.add(name);
        }
        return wanted;
    }
}

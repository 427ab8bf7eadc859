package galley.requests.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web origins allowed to call a part of the API from a browser: any ({@code *}), none, or a list of
 * {@code scheme://host[:port]} origins, compared as browsers send them (case-insensitively, no path).
 *
 * @param any     {@code *} was configured: every origin may read
 * @param allowed the origins listed, lower-case, without a trailing slash
 * @param invalid configured entries that are not origins (ignored, to be reported)
 */
public record Origins(boolean any, Set<String> allowed, List<String> invalid) {

    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]+](:[0-9]{1,5})?");

    public static final Origins NONE = new Origins(false, Set.of(), List.of());

    /** A comma-separated list as configured: {@code *}, empty, or origins. */
    public static Origins parse(String configured) {
        if (configured == null || configured.isBlank()) return NONE;
        boolean any = false;
        Set<String> allowed = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String entry : configured.split(",")) {
            String origin = normal(entry);
            if (origin.isEmpty()) continue;
            if (origin.equals("*")) {
                any = true;
            } else if (ORIGIN.matcher(origin).matches()) {
                allowed.add(origin);
            } else {
                invalid.add(entry.strip());
            }
        }
        return new Origins(any, Set.copyOf(allowed), List.copyOf(invalid));
    }

    /** Whether a browser request with this {@code Origin} header may read the answer. */
    public boolean allows(String origin) {
        if (origin == null || origin.isBlank()) return false;
        if (any) return true;
        return allowed.contains(normal(origin));
    }

    /** Whether answers differ by {@code Origin} (caches must then keep them apart: {@code Vary: Origin}). */
    public boolean dependsOnOrigin() {
        return !any && !allowed.isEmpty();
    }

    /** The {@code Access-Control-Allow-Origin} value for an allowed origin. */
    public String allowOriginFor(String origin) {
        return any ? "*" : origin;
    }

    private static String normal(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}

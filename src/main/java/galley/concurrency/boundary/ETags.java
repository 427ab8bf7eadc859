package galley.concurrency.boundary;

import galley.errors.control.InvalidRequest;
import galley.errors.control.PreconditionMissing;
import jakarta.ws.rs.core.EntityTag;

/**
 * Versions as entity tags: {@code "7"} is version 7. The entity version (JPA {@code @Version}) changes with
 * every committed change, so it identifies what an editor read, and If-Match carries it back.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an If-Match header names: required (428 without), one strong tag of a version
     * (400 otherwise); null for {@code *}, which RFC 9110 lets match any current version.
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) throw new PreconditionMissing();
        String value = ifMatch.strip();
        if (value.equals("*")) return null;
        if (value.startsWith("W/")) {
            throw new InvalidRequest("If-Match", "If-Match needs the strong ETag of a version, as the last read gave it, not a weak one");
        }
        if (value.length() >= 3 && value.startsWith("\"") && value.endsWith("\"")) {
            String version = value.substring(1, value.length() - 1);
            if (version.matches("\\d{1,18}")) return Long.parseLong(version);
        }
        throw new InvalidRequest("If-Match", "If-Match must be one ETag as the last read gave it, e.g. \"7\"");
    }
}

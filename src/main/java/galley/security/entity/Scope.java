package galley.security.entity;

import java.util.Arrays;

/** What an API token lets a machine do. The names are the role names the container checks. */
public enum Scope {
    /** Read everything editors read, drafts included (static-site builds, previews); change nothing. */
    READ_DRAFTS("read-drafts"),
    /** Read and change content (articles, authors, tags, similar posts) as an editor would; no users or tokens. */
    WRITE_CONTENT("write-content");

    private final String roleName;

    Scope(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** The scope called {@code name}, or null when there is none. */
    public static Scope ofName(String name) {
        return Arrays.stream(values()).filter(s -> s.roleName.equals(name)).findFirst().orElse(null);
    }
}

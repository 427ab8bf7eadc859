package galley.security.entity;

import java.util.Locale;

/** What a user may do. The lower-case names are the role names the container checks. */
public enum Role {
    /** Everything, including users. */
    ADMIN,
    /** All content, including publishing. */
    EDITOR,
    /** Own drafts only. */
    AUTHOR;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

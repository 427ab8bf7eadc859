package galley.errors.control;

/** The caller may not do this: not signed in at all, or signed in without the right role. */
public class AccessDenied extends GalleyException {

    private final boolean authenticated;

    private AccessDenied(boolean authenticated, String message) {
        super(message);
        this.authenticated = authenticated;
    }

    public static AccessDenied unauthenticated() {
        return new AccessDenied(false, "Authentication is required");
    }

    public static AccessDenied wrongCredentials() {
        return new AccessDenied(false, "Wrong user name or password");
    }

    public static AccessDenied forbidden(String what) {
        return new AccessDenied(true, "Your role does not allow you to " + what);
    }

    public boolean authenticated() {
        return authenticated;
    }
}

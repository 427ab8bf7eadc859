package galley.errors.control;

/** The thing asked for does not exist, or is not visible to the caller (a draft on the public API). */
public class NotFound extends GalleyException {

    public NotFound(String kind, Object key) {
        super("No " + kind + " '" + key + "'");
    }
}

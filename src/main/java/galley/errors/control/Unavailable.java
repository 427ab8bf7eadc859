package galley.errors.control;

/** A feature this server is not set up for (503), such as sign-in without a signing key. */
public class Unavailable extends GalleyException {

    public Unavailable(String message) {
        super(message);
    }
}

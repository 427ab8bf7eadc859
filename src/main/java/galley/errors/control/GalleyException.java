package galley.errors.control;

/** A request that Galley refuses for a reason the caller can act on; never a server fault. */
public abstract class GalleyException extends RuntimeException {

    protected GalleyException(String message) {
        super(message, null, false, false);
    }
}

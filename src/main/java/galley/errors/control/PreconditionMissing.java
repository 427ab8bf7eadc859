package galley.errors.control;

/** A change to a versioned resource came without If-Match: it could overwrite someone else's change unseen. */
public class PreconditionMissing extends GalleyException {

    public PreconditionMissing() {
        super("This change needs an If-Match header with the ETag of the version you edited (from the last read).");
    }
}

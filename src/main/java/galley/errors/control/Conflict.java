package galley.errors.control;

/** The request clashes with the current state, e.g. a slug already taken in that language. */
public class Conflict extends GalleyException {

    private final String field;

    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the conflict is about, or null. */
    public String field() {
        return field;
    }
}

package galley.errors.control;

/** The request itself is malformed: unreadable JSON, a parameter of the wrong type. */
public class InvalidRequest extends GalleyException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

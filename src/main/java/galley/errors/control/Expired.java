package galley.errors.control;

/** Something that was valid for a time, such as a preview link, no longer is (410 Gone). */
public class Expired extends GalleyException {

    public Expired(String message) {
        super(message);
    }
}

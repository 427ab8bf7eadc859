package galley.errors.control;

/** The request body is larger than Galley accepts at this path; nothing of it was acted on. */
public class TooLarge extends GalleyException {

    private final long limit;

    public TooLarge(long limit) {
        super("The request body is larger than the " + limit + " bytes accepted here");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}

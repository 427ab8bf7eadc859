package galley.concurrency.boundary;

/** A response record of a versioned resource: its responses carry the version as their ETag. */
public interface Versioned {

    long version();
}

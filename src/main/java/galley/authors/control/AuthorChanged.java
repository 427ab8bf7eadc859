package galley.authors.control;

import java.util.UUID;

/**
 * Fired inside the transaction that changes an author, so features that react to authors (webhooks) can
 * record what happened in that same transaction.
 */
public record AuthorChanged(UUID authorId, Kind kind) {

    /** What happened to the author. */
    public enum Kind { CREATED, UPDATED, DELETED }
}

package galley.tags.control;

import java.util.UUID;

/** Fired inside the transaction that creates, renames or deletes a tag, so caches can drop what showed it. */
public record TagChanged(UUID tagId, Kind kind) {

    /** What happened to the tag. */
    public enum Kind { CREATED, UPDATED, DELETED }
}

package galley.revisions.control;

import java.time.Instant;

/** One revision of an item: its number (shared by everything changed in that transaction), when, who, what kind of change, and the item's version after it. */
public record RevisionEntry(long number, Instant at, String by, Kind kind, long version) {

    public enum Kind { CREATED, CHANGED, DELETED }
}

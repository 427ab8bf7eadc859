package galley.revisions.control;

/** An item as it was at a revision (a detached copy read by Envers: changing it changes nothing). */
public record Snapshot<T>(RevisionEntry revision, T item) {
}

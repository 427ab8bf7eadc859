package galley.revisions.boundary;

import galley.errors.control.InvalidRequest;
import galley.paging.boundary.Params;
import galley.revisions.control.RevisionEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of an article or author. */
@Schema(name = "Revision")
public record RevisionView(
        @Schema(description = "Revision number; everything changed in one transaction shares it. Ascending over time.", example = "42", required = true)
        long number,
        @Schema(required = true) Instant at,
        @Schema(description = "The user who made the change, or \"galley\" for Galley's own (scheduled publishing, demo content).",
                example = "editor", required = true)
        String by,
        @Schema(enumeration = {"created", "changed", "deleted"}, required = true) String kind,
        @Schema(description = "The item's version after this change (its ETag then).", example = "3", required = true)
        long version) {

    public static RevisionView of(RevisionEntry e) {
        return new RevisionView(e.number(), e.at(), e.by(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.version());
    }

    /** A revision number given as a path or query parameter; 400 when absent or not a positive whole number. */
    public static long number(String name, String value) {
        if (value == null || value.isBlank()) throw new InvalidRequest(name, name + " is required: a revision number");
        return Params.integer(name, value, 0, 1, Integer.MAX_VALUE);
    }
}

package galley.similar.boundary;

import galley.similar.entity.RecomputeJob;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A background recomputation of all similar posts and its progress. */
@Schema(name = "RecomputeJob")
public record RecomputeJobView(
        @Schema(required = true) UUID id,
        @Schema(enumeration = {"RUNNING", "DONE", "FAILED"}, required = true) String status,
        @Schema(description = "Steps to do: every article's candidates, then every article's list stored.", required = true) int total,
        @Schema(required = true) int done,
        @Schema(required = true) Instant startedAt,
        Instant finishedAt,
        String message) {

    static RecomputeJobView of(RecomputeJob job) {
        return new RecomputeJobView(job.getId(), job.getStatus().name(), job.getTotal(), job.getDone(),
                job.getStartedAt(), job.getFinishedAt(), job.getMessage());
    }
}

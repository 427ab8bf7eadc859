package galley.articles.boundary;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When to publish an article. */
@Schema(name = "ScheduleInput")
public record ScheduleInput(
        @NotNull @Schema(description = "A time in the future (RFC 3339).", example = "2026-12-01T08:00:00Z", required = true)
        Instant publishAt) {
}

package galley.errors.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error answer in the RFC 9457 format ({@code application/problem+json}). Validation failures list
 * every offending field in {@code errors}.
 */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details.")
public record Problem(
        @Schema(description = "A URI that identifies the kind of problem.", example = "urn:galley:problem:validation-failed")
        String type,
        @Schema(description = "A short summary of the kind of problem.", example = "The input is invalid")
        String title,
        @Schema(description = "The HTTP status code.", example = "422")
        int status,
        @Schema(description = "What went wrong in this occurrence.")
        String detail,
        @Schema(description = "The request path this problem occurred on.", example = "/api/admin/articles")
        String instance,
        @Schema(description = "The request id, also in the X-Request-Id header and the server log.")
        String requestId,
        @Schema(description = "The offending fields, for validation failures.")
        List<FieldProblem> errors,
        @Schema(description = "For 412 Precondition Failed: the version the resource is at now (its ETag is this number in quotes).",
                example = "7")
        Long currentVersion) {

    public Problem withCurrentVersion(long version) {
        return new Problem(type, title, status, detail, instance, requestId, errors, version);
    }

    /** One offending field, named by its JSON path. */
    @Schema(name = "FieldProblem")
    public record FieldProblem(
            @Schema(example = "references[2].url") String field,
            @Schema(example = "must be an http or https URL") String message) {
    }
}

package galley.audit.boundary;

import galley.audit.entity.AuditEntry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the audit log. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(required = true) UUID id,
        @Schema(required = true) Instant occurredAt,
        @Schema(description = "User name, token:<name> for an API token, the name tried for a failed sign-in; absent for anonymous callers.") String actor,
        @Schema(description = "The operation (its operationId).", example = "adminPublishArticle", required = true) String action,
        @Schema(example = "POST", required = true) String method,
        @Schema(example = "/api/admin/articles/0190f1c2-0000-7000-8000-000000000000/publish", required = true) String path,
        @Schema(description = "The id the path names, if any.") String target,
        @Schema(description = "The HTTP status of the answer.", example = "200", required = true) int status,
        String clientAddress,
        @Schema(description = "The request id, as in the server log and the X-Request-Id header.", required = true) String requestId) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getMethod(), e.getPath(),
                e.getTarget(), e.getStatus(), e.getClientAddress(), e.getRequestId());
    }
}

package galley.audit.boundary;

import galley.audit.entity.AuditEntry;
import galley.paging.control.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the audit log, newest first. */
@Schema(name = "AuditPage")
public record AuditPage(
        @Schema(required = true) List<AuditEntryView> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static AuditPage of(Page<AuditEntry> page) {
        return new AuditPage(page.items().stream().map(AuditEntryView::of).toList(), page.page(), page.size(),
                page.total(), page.totalPages());
    }
}

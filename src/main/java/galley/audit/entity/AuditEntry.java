package galley.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One admin action or sign-in attempt: who, what, on what, when, from where, and how it ended. Never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** The signed-in user or token ({@code token:name}); for a failed sign-in the name tried; null if anonymous. */
    @Column(length = 100)
    private String actor;

    /** The operation, by its OpenAPI operationId. */
    @Column(nullable = false, length = 120)
    private String action;

    @Column(nullable = false, length = 10)
    private String method;

    @Column(nullable = false, length = 500)
    private String path;

    /** The id of the item acted on, when the path names one. */
    @Column(length = 100)
    private String target;

    @Column(nullable = false)
    private int status;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "request_id", nullable = false, length = 64)
    private String requestId;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String action, String method, String path, String target,
                      int status, String clientAddress, String requestId) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.method = method;
        this.path = path;
        this.target = target;
        this.status = status;
        this.clientAddress = clientAddress;
        this.requestId = requestId;
    }

    public UUID getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getMethod() { return method; }
    public String getPath() { return path; }
    public String getTarget() { return target; }
    public int getStatus() { return status; }
    public String getClientAddress() { return clientAddress; }
    public String getRequestId() { return requestId; }
}

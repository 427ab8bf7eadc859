package galley.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one endpoint: the outbox row written in the transaction of the change itself, then sent
 * (and retried) by whichever node claims it. The payload is kept as the exact text that is signed and sent,
 * so every attempt carries the same bytes.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Where a delivery stands. A pending one is due at {@code nextAttemptAt}. */
    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    private UUID id;

    @Column(name = "endpoint_id", nullable = false)
    private UUID endpointId;

    /** The event's id: the same in the deliveries of one event to several endpoints. */
    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(nullable = false, length = 8000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 500)
    private String lastError;

    /** The node sending it now, until {@code leaseUntil}; see {@code galley.webhooks.control.DeliveryQueue}. */
    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID id, UUID endpointId, UUID eventId, String eventType, String payload, Instant createdAt) {
        this.id = id;
        this.endpointId = endpointId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    /**
     * Records the end of attempt {@code attempt}: delivered, failed for good, or due again at {@code next};
     * the sender's lease ends with it.
     */
    public void attempted(int attempt, Integer statusCode, String error, Status status, Instant next, Instant now) {
        this.attempts = attempt;
        this.lastStatusCode = statusCode;
        this.lastError = error;
        this.status = status;
        this.nextAttemptAt = status == Status.PENDING ? next : null;
        this.finishedAt = status == Status.PENDING ? null : now;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public UUID getId() { return id; }
    public UUID getEndpointId() { return endpointId; }
    public UUID getEventId() { return eventId; }
    public String getEventType() { return eventType; }
    public String getPayload() { return payload; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Integer getLastStatusCode() { return lastStatusCode; }
    public String getLastError() { return lastError; }
    public String getLeaseOwner() { return leaseOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
}

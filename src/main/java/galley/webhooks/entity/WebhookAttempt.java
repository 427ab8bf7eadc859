package galley.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One try at sending a delivery: when, how long it took, and the HTTP status or the error. Never changed. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "delivery_id", nullable = false)
    private UUID deliveryId;

    /** 1 for the first try. */
    @Column(name = "attempt", nullable = false)
    private int attempt;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private int durationMs;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(length = 500)
    private String error;

    protected WebhookAttempt() {
    }

    public WebhookAttempt(UUID deliveryId, int attempt, Instant startedAt, int durationMs, Integer statusCode, String error) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.statusCode = statusCode;
        this.error = error;
    }

    public UUID getId() { return id; }
    public UUID getDeliveryId() { return deliveryId; }
    public int getAttempt() { return attempt; }
    public Instant getStartedAt() { return startedAt; }
    public int getDurationMs() { return durationMs; }
    public Integer getStatusCode() { return statusCode; }
    public String getError() { return error; }
}

package galley.similar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A background recomputation of every article's similar posts, and how far it has got. */
@Entity
@Table(name = "similar_job")
public class RecomputeJob {

    /** Where a job stands. */
    public enum Status { RUNNING, DONE, FAILED }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 1000)
    private String message;

    /** When its node last said it was still working on it. */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    protected RecomputeJob() {
    }

    public RecomputeJob(UUID id, int total, Instant startedAt) {
        this.id = id;
        this.status = Status.RUNNING;
        this.total = total;
        this.startedAt = startedAt;
        this.heartbeatAt = startedAt;
    }

    public void progress(int done, Instant at) {
        this.done = done;
        this.heartbeatAt = at;
    }

    public void finish(Status status, String message, Instant at) {
        this.status = status;
        this.message = message;
        this.finishedAt = at;
    }

    public UUID getId() { return id; }
    public Status getStatus() { return status; }
    public int getTotal() { return total; }
    public int getDone() { return done; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getMessage() { return message; }
}

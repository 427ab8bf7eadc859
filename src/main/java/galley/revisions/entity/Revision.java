package galley.revisions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One committed change set: the transaction that changed audited content, when, and by whom. */
@Entity
@Table(name = "galley_revision")
@RevisionEntity(RevisionAuthorship.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    /** Epoch milliseconds: the type Envers' timestamp supports on every database. */
    @RevisionTimestamp
    @Column(name = "changed_at", nullable = false)
    private long changedAt;

    /** The signed-in user, or {@link #SYSTEM} for Galley's own changes (scheduled publishing, demo content). */
    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    public static final String SYSTEM = "galley";

    public long getId() { return id; }
    public Instant getChangedAt() { return Instant.ofEpochMilli(changedAt); }
    public String getChangedBy() { return changedBy; }
    public void setChangedBy(String changedBy) { this.changedBy = changedBy; }
}

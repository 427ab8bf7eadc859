package galley.similar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A recomputation of one article's similar posts (or, with no article, of every article's) that a content
 * change asked for: written in the change's own transaction, claimed by one node at a time (a lease), and
 * deleted once done. Rows for the same article are taken together, as one recomputation.
 */
@Entity
@Table(name = "similar_request")
public class RecomputeRequest {

    @Id
    private UUID id;

    /** The article whose list to recompute; null for a full recomputation. */
    @Column(name = "article_id")
    private UUID articleId;

    /** Also recompute the lists of its similar posts afterwards. */
    @Column(nullable = false)
    private boolean spread;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected RecomputeRequest() {
    }

    public RecomputeRequest(UUID articleId, boolean spread, Instant requestedAt, Instant dueAt) {
        this.id = UUID.randomUUID();
        this.articleId = articleId;
        this.spread = spread;
        this.requestedAt = requestedAt;
        this.dueAt = dueAt;
    }

    public UUID getId() { return id; }
    public UUID getArticleId() { return articleId; }
    public boolean isSpread() { return spread; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getDueAt() { return dueAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
}

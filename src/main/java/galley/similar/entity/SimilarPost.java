package galley.similar.entity;

import galley.articles.entity.Article;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an article's "Similar Posts" list: computed by the engine (with a score and the terms the
 * two share) or pinned by an editor at a position.
 */
@Entity
@Table(name = "similar_post")
@IdClass(SimilarPost.Key.class)
public class SimilarPost {

    /** The composite key: the article whose list this is, and the article listed. */
    public record Key(UUID articleId, UUID similarId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "article_id")
    private UUID articleId;

    @Id
    @Column(name = "similar_id")
    private UUID similarId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "similar_id", insertable = false, updatable = false)
    private Article similar;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private int position;

    private Double score;

    @Column(length = 300)
    private String why;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    protected SimilarPost() {
    }

    public SimilarPost(UUID articleId, UUID similarId, boolean pinned, int position, Double score, String why, Instant at) {
        this.articleId = articleId;
        this.similarId = similarId;
        this.pinned = pinned;
        this.position = position;
        this.score = score;
        this.why = why;
        this.computedAt = at;
    }

    public UUID getArticleId() { return articleId; }
    public UUID getSimilarId() { return similarId; }
    public Article getSimilar() { return similar; }
    public boolean isPinned() { return pinned; }
    public int getPosition() { return position; }
    public Double getScore() { return score; }
    public String getWhy() { return why; }
    public Instant getComputedAt() { return computedAt; }
}

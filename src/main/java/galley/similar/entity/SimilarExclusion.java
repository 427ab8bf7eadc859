package galley.similar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** An article an editor never wants in another article's similar posts. */
@Entity
@Table(name = "similar_exclusion")
@IdClass(SimilarExclusion.Key.class)
public class SimilarExclusion {

    /** The composite key. */
    public record Key(UUID articleId, UUID excludedId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "article_id")
    private UUID articleId;

    @Id
    @Column(name = "excluded_id")
    private UUID excludedId;

    protected SimilarExclusion() {
    }

    public SimilarExclusion(UUID articleId, UUID excludedId) {
        this.articleId = articleId;
        this.excludedId = excludedId;
    }

    public UUID getArticleId() { return articleId; }
    public UUID getExcludedId() { return excludedId; }
}

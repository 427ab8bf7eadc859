package galley.articles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A slug a published article had before: links to it keep working, as redirects. */
@Entity
@Table(name = "article_slug_redirect")
@IdClass(SlugRedirect.Key.class)
public class SlugRedirect {

    /** Slugs are unique per language, and so are their redirects. */
    public record Key(String language, String slug) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(length = 35)
    private String language;

    @Id
    @Column(length = 200)
    private String slug;

    @Column(name = "article_id", nullable = false)
    private UUID articleId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SlugRedirect() {
    }

    public SlugRedirect(String language, String slug, UUID articleId, Instant createdAt) {
        this.language = language;
        this.slug = slug;
        this.articleId = articleId;
        this.createdAt = createdAt;
    }

    public String getLanguage() { return language; }
    public String getSlug() { return slug; }
    public UUID getArticleId() { return articleId; }
    public Instant getCreatedAt() { return createdAt; }
}

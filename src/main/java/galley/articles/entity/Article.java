package galley.articles.entity;

import galley.authors.entity.Author;
import galley.search.control.ArticleTextBinder;
import galley.tags.entity.Tag;
import galley.text.control.TitleKeys;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * An article in one language. Its versions in other languages share its translation group. The body is
 * kept as Markdown (what editors write) and as sanitised HTML (what readers get), rendered on write so
 * reads never render.
 */
@Audited
@Entity
@Table(name = "article")
@Cacheable
@org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@Indexed(index = "article")
@TypeBinding(binder = @TypeBinderRef(type = ArticleTextBinder.class))
public class Article {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @KeywordField(name = "articleId", projectable = Projectable.YES, sortable = Sortable.YES)
    private UUID id;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(nullable = false, length = 35)
    @KeywordField
    private String language;

    @Column(name = "translation_group", nullable = false)
    @KeywordField
    private UUID translationGroup;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 1000)
    private String excerpt;

    @Column(name = "body_markdown", nullable = false, length = 200000)
    private String bodyMarkdown = "";

    @Column(name = "body_html", nullable = false, length = 400000)
    private String bodyHtml = "";

    @Column(name = "seo_description", length = 320)
    private String seoDescription;

    @Column(name = "featured_image_url", length = 2000)
    private String featuredImageUrl;

    @Column(name = "featured_image_alt", length = 300)
    private String featuredImageAlt;

    @Column(name = "word_count", nullable = false)
    private int wordCount;

    @Column(name = "reading_minutes", nullable = false)
    private int readingMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    @KeywordField
    private ArticleStatus status = ArticleStatus.DRAFT;

    /** The title's collation key in its language (see {@code TitleKeys}), kept current on every write. */
    @NotAudited
    @Column(name = "title_key", length = 512)
    private String titleKey;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "published_at")
    @GenericField(sortable = Sortable.YES)
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The user who created it: an author may change only their own drafts. Null for imports and demo content. */
    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(name = "article_author",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @IndexedEmbedded(includePaths = "slug")
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    private List<Author> authors = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "article_tag",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @IndexedEmbedded(includePaths = "slug")
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    private Set<Tag> tags = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "article_reference", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<Reference> references = new ArrayList<>();

    protected Article() {
    }

    public Article(String language, String slug, String title, UUID translationGroup, Instant createdAt) {
        this.language = language;
        this.slug = slug;
        this.title = title;
        this.translationGroup = translationGroup;
        this.createdAt = micros(createdAt);
        this.updatedAt = this.createdAt;
        keepTitleKey();
    }

    /** Title and language change only through the constructor and their setters, which call this. */
    public void keepTitleKey() {
        titleKey = TitleKeys.of(title, language);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    public void publish(Instant at) {
        if (publishedAt == null) publishedAt = micros(at);
        status = ArticleStatus.PUBLISHED;
        publishAt = null;
    }

    /** Back to draft; the first publication date is kept so a re-publication keeps its place in lists. */
    public void unpublish() {
        status = ArticleStatus.DRAFT;
        publishAt = null;
    }

    /** To be published at {@code at} by the scheduler. */
    public void schedule(Instant at) {
        status = ArticleStatus.SCHEDULED;
        publishAt = micros(at);
    }

    public void archive() {
        status = ArticleStatus.ARCHIVED;
        publishAt = null;
    }

    /** Sets the body: the Markdown source with its rendering and the statistics derived from it. */
    public void setBody(String markdown, String html, int wordCount, int readingMinutes) {
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.wordCount = wordCount;
        this.readingMinutes = readingMinutes;
    }

    public UUID getId() { return id; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; keepTitleKey(); }
    public UUID getTranslationGroup() { return translationGroup; }
    public void setTranslationGroup(UUID translationGroup) { this.translationGroup = translationGroup; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; keepTitleKey(); }
    public String getExcerpt() { return excerpt; }
    public void setExcerpt(String excerpt) { this.excerpt = excerpt; }
    public String getBodyMarkdown() { return bodyMarkdown; }
    public String getBodyHtml() { return bodyHtml; }
    public String getSeoDescription() { return seoDescription; }
    public void setSeoDescription(String seoDescription) { this.seoDescription = seoDescription; }
    public String getFeaturedImageUrl() { return featuredImageUrl; }
    public String getFeaturedImageAlt() { return featuredImageAlt; }
    public void setFeaturedImage(String url, String alt) {
        this.featuredImageUrl = url;
        this.featuredImageAlt = alt;
    }
    public int getWordCount() { return wordCount; }
    public int getReadingMinutes() { return readingMinutes; }
    public ArticleStatus getStatus() { return status; }
    public Instant getPublishAt() { return publishAt; }
    public String getTitleKey() { return titleKey; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = micros(publishedAt); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = micros(updatedAt); }

    /** The database keeps microseconds: an answer must not show a time that a later read cannot. */
    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
    public long getVersion() { return version; }
    public List<Author> getAuthors() { return authors; }
    public Set<Tag> getTags() { return tags; }
    public List<Reference> getReferences() { return references; }

    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }

    /** Handed in by its author for an editor to review and publish. */
    public void submit() {
        this.status = ArticleStatus.IN_REVIEW;
    }
}

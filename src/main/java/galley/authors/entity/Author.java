package galley.authors.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A person who writes for the publication. Name, honorific and links are the same in every language;
 * position, organisation, bio and expertise are written per language, with a default language to fall
 * back on.
 */
@Audited
@Entity
@Table(name = "author")
@Cacheable
@org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Author {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, length = 120, unique = true)
    @KeywordField
    private String slug;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 40)
    private String honorific;

    @Column(name = "avatar_url", length = 2000)
    private String avatarUrl;

    @Column(name = "default_language", nullable = false, length = 35)
    private String defaultLanguage;

    @ElementCollection
    @CollectionTable(name = "author_profile", joinColumns = @JoinColumn(name = "author_id"))
    @MapKeyColumn(name = "language", length = 35)
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private Map<String, AuthorProfile> profiles = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "author_expertise", joinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<Expertise> expertise = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "author_education", joinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<Education> education = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "author_link", joinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    @org.hibernate.annotations.Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<ExternalLink> links = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Author() {
    }

    public Author(String slug, String displayName, String defaultLanguage, Instant createdAt) {
        this.slug = slug;
        this.displayName = displayName;
        this.defaultLanguage = defaultLanguage;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** The profile in {@code language}, else in the default language, else none. */
    /** The language of the first profile along {@code chain}, else the author's default language. */
    public String profileLanguageFor(List<String> chain) {
        for (String language : chain) if (profiles.containsKey(language)) return language;
        return defaultLanguage;
    }

    public UUID getId() { return id; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getHonorific() { return honorific; }
    public void setHonorific(String honorific) { this.honorific = honorific; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public String getDefaultLanguage() { return defaultLanguage; }
    public void setDefaultLanguage(String defaultLanguage) { this.defaultLanguage = defaultLanguage; }
    public Map<String, AuthorProfile> getProfiles() { return profiles; }
    public List<Expertise> getExpertise() { return expertise; }
    public List<Education> getEducation() { return education; }
    public List<ExternalLink> getLinks() { return links; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version; }
}

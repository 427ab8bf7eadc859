package galley.tags.control;

import galley.articles.entity.ArticleStatus;
import galley.configuration.control.PlatformResources;
import galley.database.control.GalleyUnit;
import galley.errors.control.Conflict;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.security.control.AccessControl;
import galley.tags.entity.Tag;
import galley.text.control.Slugs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tags: the public list with article counts, and the editors' management of them. */
@ApplicationScoped
@Transactional
public class Tags {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    Event<TagChanged> changed;

    TransactionSynchronizationRegistry transactions;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        transactions = PlatformResources.transactions();
    }

    private static final String CREATED_HERE = Tags.class.getName() + ".created";
    private static final String KNOWN_HERE = Tags.class.getName() + ".known";

    /** A tag with the number of published articles that carry it. */
    public record TagCount(Tag tag, long articles) {
    }

    /** Tags that published articles carry, with their counts, optionally only in one language; by name. */
    public List<TagCount> published(String language) {
        String jpql = "select t, count(a) from Article a join a.tags t where a.status = :published"
                + (language == null ? "" : " and a.language = :language")
                + " group by t order by t.name, t.id";
        var query = em.createQuery(jpql, Object[].class).setParameter("published", ArticleStatus.PUBLISHED);
        if (language != null) query.setParameter("language", language);
        return query.getResultList().stream().map(row -> new TagCount((Tag) row[0], (Long) row[1])).toList();
    }

    /** All tags with the number of articles in any status, for editors. */
    public List<TagCount> all() {
        access.requireReader("read tags");
        return em.createQuery("select t, (select count(a) from Article a join a.tags at where at = t) "
                        + "from Tag t order by t.name, t.id", Object[].class)
                .getResultList().stream().map(row -> new TagCount((Tag) row[0], (Long) row[1])).toList();
    }

    public long articleCount(Tag tag) {
        return em.createQuery("select count(a) from Article a join a.tags t where t = :tag", Long.class)
                .setParameter("tag", tag).getSingleResult();
    }

    public Tag get(UUID id) {
        access.requireReader("read tags");
        return find(id);
    }

    public Tag create(String name, String slug) {
        access.requireEditor("manage tags");
        String s = slugFor(name, slug);
        if (bySlug(s) != null) throw new Conflict("slug", "A tag with the slug '" + s + "' exists");
        Tag tag = new Tag(s, name.strip(), Instant.now());
        em.persist(tag);
        changed.fire(new TagChanged(tag.getId(), TagChanged.Kind.CREATED));
        return tag;
    }

    public Tag update(UUID id, String name, String slug) {
        access.requireEditor("manage tags");
        Tag tag = find(id);
        String s = slugFor(name, slug);
        Tag other = bySlug(s);
        if (other != null && !other.getId().equals(id)) throw new Conflict("slug", "A tag with the slug '" + s + "' exists");
        tag.setName(name.strip());
        tag.setSlug(s);
        changed.fire(new TagChanged(id, TagChanged.Kind.UPDATED));
        return tag;
    }

    /** Removes a tag and takes it off every article that carried it. */
    public void delete(UUID id) {
        access.requireEditor("manage tags");
        Tag tag = find(id);
        // Native SQL: Hibernate cannot tell which cached tag collections this touches, so it evicts them all.
        em.createNativeQuery("delete from article_tag where tag_id = ?1").setParameter(1, id).executeUpdate();
        em.remove(tag);
        changed.fire(new TagChanged(id, TagChanged.Kind.DELETED));
    }

    /**
     * The tags named {@code names}, in that order without repeats: existing ones matched by slug, missing
     * ones created. Used when an editor saves an article. Runs in the caller's transaction.
     */
    public Set<Tag> resolve(Collection<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String name : names) {
            String slug = Slugs.slugify(name, 100);
            if (slug.isEmpty()) invalid.add(name);
            else bySlug.putIfAbsent(slug, name.strip());
        }
        if (!invalid.isEmpty()) throw new InvalidInput("tags", "tag names need letters or digits: " + invalid);
        if (bySlug.isEmpty()) return new LinkedHashSet<>();
        Map<String, Tag> existing = new LinkedHashMap<>();
        // Tags this transaction already looked up: an import names the same few tags on every article, and
        // a reference costs no statement where a query by slug costs one each time.
        @SuppressWarnings("unchecked")
        Map<String, UUID> known = (Map<String, UUID>) transactions.getResource(KNOWN_HERE);
        if (known == null) {
            known = new HashMap<>();
            transactions.putResource(KNOWN_HERE, known);
        }
        List<String> unknown = new ArrayList<>();
        for (String slug : bySlug.keySet()) {
            UUID id = known.get(slug);
            if (id != null) existing.put(slug, em.getReference(Tag.class, id));
            else unknown.add(slug);
        }
        if (!unknown.isEmpty()) {
            for (Tag t : em.createQuery("select t from Tag t where t.slug in :slugs", Tag.class)
                    .setParameter("slugs", unknown).getResultList()) {
                existing.put(t.getSlug(), t);
                known.put(t.getSlug(), t.getId());
            }
        }
        Set<Tag> tags = new LinkedHashSet<>();
        Instant now = Instant.now();
        // Tags created earlier in this transaction and maybe not flushed yet: an import looks them up
        // without flushing, and must not create the same tag twice.
        @SuppressWarnings("unchecked")
        Map<String, Tag> createdHere = (Map<String, Tag>) transactions.getResource(CREATED_HERE);
        for (var entry : bySlug.entrySet()) {
            Tag tag = existing.get(entry.getKey());
            if (tag == null && createdHere != null) tag = createdHere.get(entry.getKey());
            if (tag == null) {
                tag = new Tag(entry.getKey(), entry.getValue(), now);
                em.persist(tag);
                if (createdHere == null) {
                    createdHere = new HashMap<>();
                    transactions.putResource(CREATED_HERE, createdHere);
                }
                createdHere.put(entry.getKey(), tag);
                known.put(entry.getKey(), tag.getId()); // assigned by persist
            }
            tags.add(tag);
        }
        return tags;
    }

    private String slugFor(String name, String slug) {
        String s = slug == null || slug.isBlank() ? Slugs.slugify(name, 100) : slug;
        if (!Slugs.isValid(s) || s.length() > 100) {
            throw new InvalidInput(slug == null ? "name" : "slug", "cannot make a valid slug of '" + (slug == null ? name : slug) + "'");
        }
        return s;
    }

    private Tag bySlug(String slug) {
        return em.createQuery("select t from Tag t where t.slug = :slug", Tag.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
    }

    private Tag find(UUID id) {
        Tag tag = em.find(Tag.class, id);
        if (tag == null) throw new NotFound("tag", id);
        return tag;
    }
}

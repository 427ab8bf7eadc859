package galley.authors.control;

import static galley.text.control.Texts.blankToNull;

import galley.authors.entity.Author;
import galley.authors.entity.AuthorProfile;
import galley.authors.entity.Education;
import galley.authors.entity.Expertise;
import galley.authors.entity.ExternalLink;
import galley.database.control.GalleyUnit;
import galley.errors.control.Conflict;
import galley.errors.control.FieldError;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.errors.control.VersionMismatch;
import galley.i18n.control.Languages;
import galley.paging.control.Page;
import galley.paging.control.PageRequest;
import galley.revisions.control.RevisionEntry;
import galley.revisions.control.Revisions;
import galley.revisions.control.Snapshot;
import galley.security.control.AccessControl;
import galley.text.control.HtmlPolicy;
import galley.text.control.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Hibernate;

/** Authors: public profiles, and the editors' changes to them. */
@ApplicationScoped
@Transactional
public class Authors {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    Revisions revisions;

    @Inject
    AccessControl access;

    @Inject
    Event<AuthorChanged> changed;

    // --- public reads ---

    public Page<Author> page(PageRequest request) {
        long total = em.createQuery("select count(a) from Author a", Long.class).getSingleResult();
        List<Author> authors = em.createQuery("select a from Author a order by a.displayName, a.id", Author.class)
                .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        initializeProfiles(authors);
        return new Page<>(authors, request.page(), request.size(), total);
    }

    public Author bySlug(String slug) {
        Author author = em.createQuery("select a from Author a where a.slug = :slug", Author.class)
                .setParameter("slug", slug).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("author", slug));
        initializeAll(author);
        return author;
    }

    public void requireExists(String slug) {
        boolean exists = !em.createQuery("select a.id from Author a where a.slug = :slug", UUID.class)
                .setParameter("slug", slug).setMaxResults(1).getResultList().isEmpty();
        if (!exists) throw new NotFound("author", slug);
    }

    // --- admin ---

    public Page<Author> pageForEditors(PageRequest request) {
        access.requireReader("read authors");
        Page<Author> page = page(request);
        page.items().forEach(Authors::initializeAll);
        return page;
    }

    public Author get(UUID id) {
        access.requireReader("read authors");
        Author author = find(id);
        initializeAll(author);
        return author;
    }

    public Author create(AuthorFields fields) {
        access.requireEditor("manage authors");
        Checked checked = check(fields, null);
        Author author = new Author(checked.slug, fields.displayName().strip(), checked.defaultLanguage, Instant.now());
        apply(author, fields, checked);
        em.persist(author);
        changed.fire(new AuthorChanged(author.getId(), AuthorChanged.Kind.CREATED));
        return author;
    }

    /** Replaces the author's fields; {@code expectedVersion} is the version the editor read, or null for any. */
    public Author replace(UUID id, Long expectedVersion, AuthorFields fields) {
        access.requireEditor("manage authors");
        Author author = findForChange(id, expectedVersion);
        Checked checked = check(fields, author);
        author.setSlug(checked.slug);
        author.setDisplayName(fields.displayName().strip());
        author.setDefaultLanguage(checked.defaultLanguage);
        apply(author, fields, checked);
        author.setUpdatedAt(Instant.now());
        em.flush();
        changed.fire(new AuthorChanged(id, AuthorChanged.Kind.UPDATED));
        initializeAll(author);
        return author;
    }

    /** The revisions of the author (also after it was deleted), newest first. */
    public Page<RevisionEntry> history(UUID id, PageRequest request) {
        return revisions.history(Author.class, "author", id, request, Author::getVersion);
    }

    /** The author's newest revision: what it is now, or what it was when deleted. */
    public Snapshot<Author> latestRevision(UUID id) {
        return revisions.latest(Author.class, "author", id, Author::getVersion, Authors::initializeAll);
    }

    /** The author as they were at revision {@code number}. */
    public Snapshot<Author> atRevision(UUID id, long number) {
        return revisions.at(Author.class, "author", id, number, Author::getVersion, Authors::initializeAll);
    }

    /**
     * Makes an earlier revision's profile current again, as a new change with the same checks as a
     * replace; a slug taken since by another author is a conflict.
     */
    public Author restore(UUID id, long number, Long expectedVersion) {
        access.requireEditor("manage authors");
        Author old = atRevision(id, number).item();
        Map<String, AuthorProfile> profiles = new LinkedHashMap<>();
        old.getProfiles().forEach((language, p) -> profiles.put(language, new AuthorProfile(p.getPosition(), p.getOrganisation(), p.getBio())));
        AuthorFields fields = new AuthorFields(old.getSlug(), old.getDisplayName(), old.getHonorific(), old.getAvatarUrl(),
                old.getDefaultLanguage(), profiles,
                old.getExpertise().stream().map(e -> new Expertise(e.getLanguage(), e.getName())).toList(),
                old.getEducation().stream().map(e -> new Education(e.getDegree(), e.getField(), e.getInstitution(),
                        e.getYear(), e.getThesisTitle())).toList(),
                old.getLinks().stream().map(l -> new ExternalLink(l.getLabel(), l.getUrl())).toList());
        return replace(id, expectedVersion, fields);
    }

    public void delete(UUID id, Long expectedVersion) {
        access.requireEditor("manage authors");
        Author author = findForChange(id, expectedVersion);
        long articles = em.createQuery("select count(a) from Article a join a.authors au where au = :author", Long.class)
                .setParameter("author", author).getSingleResult();
        if (articles > 0) {
            throw new Conflict("id", "The author is named on " + articles + " article(s); remove them from those first");
        }
        // Before the removal, so observers can still read the author.
        changed.fire(new AuthorChanged(id, AuthorChanged.Kind.DELETED));
        em.remove(author);
    }

    /** The authors with these ids, in this order; unknown ids are an input error on {@code field}. */
    public List<Author> resolve(List<UUID> ids, String field) {
        if (ids.isEmpty()) return List.of();
        // By id, not by a query: from the persistence context or the second-level cache when they are there
        // (an import names the same authors on many articles), one statement each otherwise.
        Map<UUID, Author> found = new LinkedHashMap<>();
        for (UUID id : ids) {
            if (id != null && !found.containsKey(id)) {
                Author a = em.find(Author.class, id);
                if (a != null) found.put(id, a);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Author a = found.get(ids.get(i));
            if (a == null) errors.add(new FieldError(field + "[" + i + "]", "no author with the id " + ids.get(i)));
            else if (authors.contains(a)) errors.add(new FieldError(field + "[" + i + "]", "is named twice"));
            else authors.add(a);
        }
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        return authors;
    }

    /** Loads the localised profiles of these authors in one statement (batch fetching). */
    public static void initializeProfiles(List<Author> authors) {
        for (Author a : authors) Hibernate.initialize(a.getProfiles());
    }

    private static void initializeAll(Author author) {
        Hibernate.initialize(author.getProfiles());
        Hibernate.initialize(author.getExpertise());
        Hibernate.initialize(author.getEducation());
        Hibernate.initialize(author.getLinks());
    }

    private record Checked(String slug, String defaultLanguage, Map<String, AuthorProfile> profiles, List<Expertise> expertise) {
    }

    private Checked check(AuthorFields fields, Author existing) {
        List<FieldError> errors = new ArrayList<>();
        String slug = fields.slug() == null || fields.slug().isBlank()
                ? (existing != null ? existing.getSlug() : Slugs.slugify(fields.displayName(), 120))
                : fields.slug();
        if (!Slugs.isValid(slug) || slug.length() > 120) errors.add(new FieldError("slug", "must be lower-case letters and digits joined by hyphens"));
        String defaultLanguage = Languages.canonical(fields.defaultLanguage()).orElse(null);
        if (defaultLanguage == null) errors.add(new FieldError("defaultLanguage", "must be a BCP 47 language tag"));
        Map<String, AuthorProfile> profiles = new LinkedHashMap<>();
        fields.profiles().forEach((language, profile) -> {
            String canonical = Languages.canonical(language).orElse(null);
            if (canonical == null) errors.add(new FieldError("profiles." + language, "the key must be a BCP 47 language tag"));
            else if (profile.getPosition() == null && profile.getOrganisation() == null && profile.getBio() == null) {
                errors.add(new FieldError("profiles." + language, "needs a position, organisation or bio"));
            } else if (profiles.put(canonical, profile) != null) errors.add(new FieldError("profiles." + language, "is given twice"));
        });
        if (!profiles.isEmpty() && defaultLanguage != null && !profiles.containsKey(defaultLanguage)) {
            errors.add(new FieldError("defaultLanguage", "must be one of the languages in profiles " + profiles.keySet()));
        }
        List<Expertise> expertise = new ArrayList<>();
        for (int i = 0; i < fields.expertise().size(); i++) {
            Expertise e = fields.expertise().get(i);
            String canonical = Languages.canonical(e.getLanguage()).orElse(null);
            if (canonical == null) errors.add(new FieldError("expertise[" + i + "].language", "must be a BCP 47 language tag"));
            else expertise.add(new Expertise(canonical, e.getName().strip()));
        }
        if (fields.avatarUrl() != null && !HtmlPolicy.isHttpUrl(fields.avatarUrl())) {
            errors.add(new FieldError("avatarUrl", "must be an http or https URL"));
        }
        for (int i = 0; i < fields.links().size(); i++) {
            if (!HtmlPolicy.isHttpUrl(fields.links().get(i).getUrl())) {
                errors.add(new FieldError("links[" + i + "].url", "must be an http or https URL"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        Author other = em.createQuery("select a from Author a where a.slug = :slug", Author.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
        if (other != null && (existing == null || !other.getId().equals(existing.getId()))) {
            throw new Conflict("slug", "The slug '" + slug + "' is taken by another author");
        }
        return new Checked(slug, defaultLanguage, profiles, expertise);
    }

    private static void apply(Author author, AuthorFields fields, Checked checked) {
        author.setHonorific(blankToNull(fields.honorific()));
        author.setAvatarUrl(blankToNull(fields.avatarUrl()));
        author.getProfiles().clear();
        author.getProfiles().putAll(checked.profiles);
        author.getExpertise().clear();
        author.getExpertise().addAll(checked.expertise);
        author.getEducation().clear();
        author.getEducation().addAll(fields.education());
        author.getLinks().clear();
        author.getLinks().addAll(fields.links());
    }

    /** The author to change, locked until the transaction ends, at the version the editor read. */
    private Author findForChange(UUID id, Long expectedVersion) {
        Author author = em.find(Author.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (author == null) throw new NotFound("author", id);
        if (expectedVersion != null && author.getVersion() != expectedVersion) {
            throw new VersionMismatch("author", expectedVersion, author.getVersion());
        }
        return author;
    }

    private Author find(UUID id) {
        Author author = em.find(Author.class, id);
        if (author == null) throw new NotFound("author", id);
        return author;
    }

}

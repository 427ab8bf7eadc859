package galley.articles.control;

import static galley.text.control.Texts.blankToNull;

import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.articles.entity.Reference;
import galley.articles.entity.SlugRedirect;
import galley.authors.control.Authors;
import galley.database.control.GalleyUnit;
import galley.errors.control.AccessDenied;
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
import galley.tags.control.Tags;
import galley.text.control.HtmlPolicy;
import galley.text.control.MarkdownRenderer;
import galley.text.control.RenderedBody;
import galley.text.control.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The editors' side of articles: create, replace, delete, publish, unpublish and translation groups.
 * Every operation checks the caller's role here, and writes nothing unless all of it is valid.
 */
@ApplicationScoped
@Transactional
public class Articles {

    /** How many suffixes ({@code -2}, {@code -3}, ...) to try when a generated slug is taken. */
    private static final int SLUG_ATTEMPTS = 50;

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    Authors authors;

    @Inject
    Tags tags;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    Revisions revisions;

    @Inject
    ArticleFinder finder;

    @Inject
    Event<ArticleChanged> changed;

    @Inject
    Event<ArticlesImported> imported;

    @Inject
    ImportActivity importing;

    /** Slugs made from titles keep their script ("учения-одкб") instead of being transliterated to ASCII. */
    @Inject
    @ConfigProperty(name = "galley.slugs.unicode", defaultValue = "false")
    boolean unicodeSlugs;

    /** The articles as editors see them; an author sees only their own. */
    public Page<Article> page(ArticleQuery query) {
        if (access.authorOnly()) return finder.page(query.createdBy(access.callerName()));
        access.requireReader("read articles");
        return finder.page(query);
    }

    public ArticleWithTranslations get(UUID id) {
        return withTranslations(findForReading(id));
    }

    /** The article, for a caller who may read it: a reader of all content, or an author their own. */
    public Article findForReading(UUID id) {
        if (!access.authorOnly()) access.requireReader("read articles");
        Article article = find(id);
        if (access.authorOnly() && !ownedByCaller(article)) throw AccessDenied.forbidden("read other people's articles");
        return article;
    }

    /**
     * Checks that the caller may change the article's content: an editor, or its author while it is a draft.
     * Authors learn nothing of other people's articles beyond that they may not touch them.
     */
    private void requireContentChange(Article article, String action) {
        if (!access.authorOnly()) {
            access.requireEditor(action);
            return;
        }
        if (!ownedByCaller(article)) throw AccessDenied.forbidden(action + " of other people's articles");
        if (article.getStatus() != ArticleStatus.DRAFT) {
            throw new Conflict("status", "Authors change their articles only while they are drafts");
        }
    }

    private boolean ownedByCaller(Article article) {
        return article.getCreatedBy() != null && article.getCreatedBy().equals(access.callerName());
    }

    /**
     * Hands a draft in for review: its author (or an editor on their behalf) says it is ready; an editor
     * then publishes, schedules or returns it as a draft. Needs what publishing needs.
     */
    public ArticleWithTranslations submit(UUID id) {
        Article article = findForChange(id, null);
        requireContentChange(article, "submit articles");
        requireStatus(article, "submit", ArticleStatus.DRAFT);
        requirePublishable(article);
        article.submit();
        article.setUpdatedAt(Instant.now());
        flush();
        return withTranslations(article);
    }

    /**
     * Creates many articles in one transaction, all or none, published at once if asked: for imports.
     * Fires one {@link ArticlesImported} instead of an event per article.
     */
    public List<Article> importAll(List<ArticleFields> all, boolean publish) {
        access.requireEditor("import articles");
        importing.begin();
        // The import flushes every 100 articles itself. Between those flushes, the lookups of each article
        // (authors, tags, slugs) must not auto-flush: each one dirty-checked every pending article, which made
        // imports quadratic (half of their time in a profile). Slugs given out are tracked in claimed, new
        // tags are flushed by Tags.resolve.
        FlushModeType flushMode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return importEach(all, publish);
        } finally {
            em.setFlushMode(flushMode);
        }
    }

    private List<Article> importEach(List<ArticleFields> all, boolean publish) {
        List<Article> created = new ArrayList<>(all.size());
        // Slugs given out in this import and not yet flushed: the slug queries must not flush each article.
        Set<String> claimed = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < all.size(); i++) {
            ArticleFields fields = all.get(i);
            int index = i;
            try {
                String language = language(fields.language());
                UUID group = fields.translationOf() == null ? UUID.randomUUID() : groupToJoin(fields.translationOf(), language, null);
                Article article = new Article(language, slugFor(fields, language, null, claimed), fields.title().strip(), group, now);
                apply(article, fields, language);
                if (publish) {
                    requirePublishable(article);
                    article.publish(now);
                }
                em.persist(article);
                created.add(article);
            } catch (InvalidInput e) {
                throw new InvalidInput(e.errors().stream()
                        .map(err -> new FieldError("articles[" + index + "]." + err.field(), err.message())).toList());
            } catch (Conflict e) {
                throw new Conflict("articles[" + i + "]." + e.field(), e.getMessage());
            }
            if (i % 100 == 99) {
                flush();
                em.clear();
            }
        }
        flush();
        imported.fire(new ArticlesImported(created.stream().map(Article::getId).toList()));
        return created;
    }

    public ArticleWithTranslations create(ArticleFields fields) {
        if (!access.authorOnly()) access.requireEditor("create articles");
        String language = language(fields.language());
        UUID group = fields.translationOf() == null ? UUID.randomUUID() : groupToJoin(fields.translationOf(), language, null);
        String slug = slugFor(fields, language, null, null);
        Article article = new Article(language, slug, fields.title().strip(), group, Instant.now());
        article.setCreatedBy(access.callerName());
        apply(article, fields, language);
        em.persist(article);
        flush();
        changed.fire(new ArticleChanged(article.getId(), ArticleChanged.Kind.CREATED));
        return withTranslations(article);
    }

    /** Replaces the article's fields; {@code expectedVersion} is the version the editor read, or null for any. */
    public ArticleWithTranslations replace(UUID id, Long expectedVersion, ArticleFields fields) {
        if (!access.authorOnly()) access.requireEditor("edit articles");
        Article article = findForChange(id, null);
        requireContentChange(article, "edit");
        requireVersion(article, expectedVersion);
        String language = language(fields.language());
        if (fields.translationOf() != null) {
            article.setTranslationGroup(groupToJoin(fields.translationOf(), language, article));
        } else if (!language.equals(article.getLanguage())) {
            requireLanguageFreeInGroup(article.getTranslationGroup(), language, article);
        }
        String slug = slugFor(fields, language, article, null);
        if (article.getPublishedAt() != null && (!slug.equals(article.getSlug()) || !language.equals(article.getLanguage()))) {
            keepRedirect(article);
        }
        article.setSlug(slug);
        article.setLanguage(language);
        article.setTitle(fields.title().strip());
        apply(article, fields, language);
        article.setUpdatedAt(Instant.now());
        flush();
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.UPDATED));
        return withTranslations(article);
    }

    /** The revisions of the article (also after it was deleted), newest first. */
    public Page<RevisionEntry> history(UUID id, PageRequest request) {
        return revisions.history(Article.class, "article", id, request, Article::getVersion);
    }

    /** The article's newest revision: what it is now, or what it was when deleted. */
    public Snapshot<Article> latestRevision(UUID id) {
        return revisions.latest(Article.class, "article", id, Article::getVersion, Articles::loadEditorialFields);
    }

    /** The article as it was at revision {@code number}, with what a revision view shows loaded. */
    public Snapshot<Article> atRevision(UUID id, long number) {
        return revisions.at(Article.class, "article", id, number, Article::getVersion, Articles::loadEditorialFields);
    }

    /**
     * Makes an earlier revision's content current again, as a new change (a new revision, the version +1,
     * the same checks as a replace). Editorial fields only: the status stays, and so does the first
     * publication date. A slug taken since by another article is a conflict; an author deleted since is an
     * input error naming it.
     */
    public ArticleWithTranslations restore(UUID id, long number, Long expectedVersion) {
        access.requireEditor("edit articles");
        Article old = atRevision(id, number).item();
        ArticleFields fields = new ArticleFields(old.getSlug(), old.getLanguage(), old.getTitle(), old.getExcerpt(),
                old.getBodyMarkdown(), old.getSeoDescription(), old.getFeaturedImageUrl(), old.getFeaturedImageAlt(),
                old.getAuthors().stream().map(author -> author.getId()).toList(),
                old.getTags().stream().map(tag -> tag.getName()).toList(),
                old.getReferences().stream().map(r -> new Reference(r.getNumber(), r.getCitation(), r.getAuthors(),
                        r.getTitle(), r.getPublisher(), r.getUrl(), r.getAccessedOn())).toList(),
                null, null);
        return replace(id, expectedVersion, fields);
    }

    private static void loadEditorialFields(Article article) {
        article.getAuthors().forEach(author -> author.getId());
        article.getTags().forEach(tag -> tag.getName());
        article.getReferences().size();
    }

    public void delete(UUID id, Long expectedVersion) {
        access.requireEditor("delete articles");
        Article article = findForChange(id, expectedVersion);
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.DELETED));
        em.remove(article);
        flush();
    }

    /** Publishes the article now: it needs a title, a body, a language and at least one author. */
    public ArticleWithTranslations publish(UUID id) {
        access.requireEditor("publish articles");
        Article article = findForChange(id, null);
        requireStatus(article, "publish", ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED);
        requirePublishable(article);
        Instant now = Instant.now();
        article.publish(now);
        article.setUpdatedAt(now);
        flush();
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.PUBLISHED));
        return withTranslations(article);
    }

    /** Back to draft, from published, scheduled or archived. */
    public ArticleWithTranslations unpublish(UUID id) {
        access.requireEditor("unpublish articles");
        Article article = findForChange(id, null);
        requireStatus(article, "unpublish", ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED);
        boolean wasPublic = article.isPublished();
        article.unpublish();
        article.setUpdatedAt(Instant.now());
        flush();
        if (wasPublic) changed.fire(new ArticleChanged(id, ArticleChanged.Kind.UNPUBLISHED));
        return withTranslations(article);
    }

    /**
     * Schedules the article for publication at {@code at}, which must be in the future; it must be
     * publishable now, so the release cannot fail for a missing field later.
     */
    public ArticleWithTranslations schedule(UUID id, Instant at) {
        access.requireEditor("schedule articles");
        Article article = findForChange(id, null);
        requireStatus(article, "schedule", ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED);
        Instant now = Instant.now();
        if (at == null || !at.isAfter(now)) throw new InvalidInput("publishAt", "must be in the future");
        requirePublishable(article);
        article.schedule(at);
        article.setUpdatedAt(now);
        flush();
        return withTranslations(article);
    }

    /** Takes a published article off the public site, keeping it apart from drafts. */
    public ArticleWithTranslations archive(UUID id) {
        access.requireEditor("archive articles");
        Article article = findForChange(id, null);
        requireStatus(article, "archive", ArticleStatus.PUBLISHED);
        article.archive();
        article.setUpdatedAt(Instant.now());
        flush();
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.UNPUBLISHED));
        return withTranslations(article);
    }

    /** Gives up to {@code limit} articles saved before title keys existed theirs; returns how many. */
    public int fillMissingTitleKeys(int limit) {
        List<Article> missing = em.createQuery("select a from Article a where a.titleKey is null", Article.class)
                .setMaxResults(limit).getResultList();
        missing.forEach(Article::keepTitleKey);
        return missing.size();
    }

    /** Scheduled articles whose time has come, oldest first. */
    public List<UUID> dueForPublication(Instant now, int limit) {
        return em.createQuery("select a.id from Article a where a.status = :scheduled and a.publishAt <= :now "
                        + "order by a.publishAt, a.id", UUID.class)
                .setParameter("scheduled", ArticleStatus.SCHEDULED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Publishes a scheduled article whose time has come, as Galley itself. The row lock makes this happen
     * once however many nodes try: the others wait, then find it published and leave it.
     *
     * @return whether this call published it
     */
    public boolean publishIfDue(UUID id, Instant now) {
        Article article = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null || article.getStatus() != ArticleStatus.SCHEDULED || article.getPublishAt().isAfter(now)) {
            return false;
        }
        article.publish(article.getPublishAt());
        article.setUpdatedAt(now);
        flush();
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.PUBLISHED));
        return true;
    }

    private static void requireStatus(Article article, String action, ArticleStatus... allowed) {
        for (ArticleStatus s : allowed) if (article.getStatus() == s) return;
        throw new Conflict("status", "A " + article.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                + " article cannot be asked to " + action);
    }

    /** Makes {@code id} a translation of {@code otherId}: it joins the other article's translation group. */
    public ArticleWithTranslations joinTranslationGroup(UUID id, Long expectedVersion, UUID otherId) {
        if (!access.authorOnly()) access.requireEditor("edit articles");
        Article article = findForChange(id, null);
        requireContentChange(article, "edit");
        requireVersion(article, expectedVersion);
        article.setTranslationGroup(groupToJoin(otherId, article.getLanguage(), article));
        article.setUpdatedAt(Instant.now());
        flush();
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.UPDATED));
        return withTranslations(article);
    }

    /** Takes the article out of its translation group. */
    public ArticleWithTranslations leaveTranslationGroup(UUID id, Long expectedVersion) {
        if (!access.authorOnly()) access.requireEditor("edit articles");
        Article article = findForChange(id, null);
        requireContentChange(article, "edit");
        requireVersion(article, expectedVersion);
        article.setTranslationGroup(UUID.randomUUID());
        article.setUpdatedAt(Instant.now());
        flush();
        changed.fire(new ArticleChanged(id, ArticleChanged.Kind.UPDATED));
        return withTranslations(article);
    }

    private static void requirePublishable(Article article) {
        List<FieldError> missing = new ArrayList<>();
        if (article.getTitle() == null || article.getTitle().isBlank()) missing.add(new FieldError("title", "is required to publish"));
        if (article.getBodyMarkdown() == null || article.getBodyMarkdown().isBlank()) missing.add(new FieldError("body", "is required to publish"));
        if (article.getLanguage() == null) missing.add(new FieldError("language", "is required to publish"));
        if (article.getAuthors().isEmpty()) missing.add(new FieldError("authors", "at least one author is required to publish"));
        if (!missing.isEmpty()) throw new InvalidInput(missing);
    }

    private ArticleWithTranslations withTranslations(Article article) {
        finder.loadFully(article);
        return new ArticleWithTranslations(article, finder.translationsOf(article, false));
    }

    private void apply(Article article, ArticleFields fields, String language) {
        List<FieldError> errors = new ArrayList<>();
        List<Reference> references = fields.references();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            Reference r = references.get(i);
            if (!numbers.add(r.getNumber())) errors.add(new FieldError("references[" + i + "].number", "is used twice"));
            if (r.getUrl() != null && !HtmlPolicy.isHttpUrl(r.getUrl())) errors.add(new FieldError("references[" + i + "].url", "must be an http or https URL"));
        }
        if (fields.featuredImageUrl() != null && !HtmlPolicy.isHttpUrl(fields.featuredImageUrl())) {
            errors.add(new FieldError("featuredImage.url", "must be an http or https URL"));
        }
        String body = fields.body() == null ? "" : fields.body();
        RenderedBody rendered = markdown.render(body, numbers, language);
        if (!rendered.missingReferences().isEmpty()) {
            errors.add(new FieldError("body", "cites references that do not exist: " + rendered.missingReferences()));
        }
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        var articleAuthors = authors.resolve(fields.authorIds(), "authors");
        var articleTags = tags.resolve(fields.tagNames());

        article.setExcerpt(blankToNull(fields.excerpt()));
        article.setSeoDescription(blankToNull(fields.seoDescription()));
        article.setFeaturedImage(blankToNull(fields.featuredImageUrl()), blankToNull(fields.featuredImageAlt()));
        article.setBody(body, rendered.html(), rendered.wordCount(), rendered.readingMinutes());
        article.getAuthors().clear();
        article.getAuthors().addAll(articleAuthors);
        article.getTags().clear();
        article.getTags().addAll(articleTags);
        article.getReferences().clear();
        article.getReferences().addAll(references);
        if (fields.publishedAt() != null) article.setPublishedAt(fields.publishedAt());
    }

    private String language(String tag) {
        return Languages.canonical(tag).orElseThrow(() -> new InvalidInput("language", "must be a BCP 47 language tag"));
    }

    /** The given slug (which must be free in the language), or one made from the title and made unique. */
    private String slugFor(ArticleFields fields, String language, Article existing, Set<String> claimed) {
        String given = blankToNull(fields.slug());
        if (given == null && existing != null && existing.getLanguage().equals(language)) return existing.getSlug();
        if (given != null) {
            if (!Slugs.isValid(given)) throw new InvalidInput("slug", "must be lower-case letters and digits joined by hyphens");
            if (slugTaken(given, language, existing, claimed)) {
                throw new Conflict("slug", "The slug '" + given + "' is already used by another article in '" + language + "'");
            }
            return given;
        }
        String base = unicodeSlugs ? Slugs.slugifyUnicode(fields.title(), language, Slugs.MAX_LENGTH) : Slugs.slugify(fields.title());
        if (base.isEmpty()) base = "article";
        for (int n = 1; n <= SLUG_ATTEMPTS; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            String candidate = base.length() + suffix.length() > Slugs.MAX_LENGTH
                    ? base.substring(0, Slugs.MAX_LENGTH - suffix.length()) + suffix : base + suffix;
            if (!slugTaken(candidate, language, existing, claimed)) return candidate;
        }
        throw new Conflict("slug", "No free slug could be made from the title; give one");
    }

    private boolean slugTaken(String slug, String language, Article existing, Set<String> claimed) {
        // In an import (claimed not null), slugs given out earlier in it count as taken.
        if (claimed != null && !claimed.add(language + " " + slug)) return true;
        List<UUID> ids = em.createQuery("select a.id from Article a where a.slug = :slug and a.language = :language", UUID.class)
                .setParameter("slug", slug).setParameter("language", language)
                .setFlushMode(claimed != null ? FlushModeType.COMMIT : FlushModeType.AUTO)
                .getResultList();
        boolean taken = ids.stream().anyMatch(id -> existing == null || !id.equals(existing.getId()));
        if (taken && claimed != null) claimed.remove(language + " " + slug);
        return taken;
    }

    private UUID groupToJoin(UUID otherId, String language, Article self) {
        Article other = em.find(Article.class, otherId);
        if (other == null) throw new InvalidInput("translationOf", "no article with the id " + otherId);
        if (self != null && other.getId().equals(self.getId())) throw new InvalidInput("translationOf", "an article cannot be a translation of itself");
        requireLanguageFreeInGroup(other.getTranslationGroup(), language, self);
        return other.getTranslationGroup();
    }

    private void requireLanguageFreeInGroup(UUID group, String language, Article self) {
        List<UUID> sameLanguage = em.createQuery(
                        "select a.id from Article a where a.translationGroup = :group and a.language = :language", UUID.class)
                .setParameter("group", group).setParameter("language", language).getResultList();
        if (sameLanguage.stream().anyMatch(id -> self == null || !id.equals(self.getId()))) {
            throw new Conflict("translationOf", "The translation group already has an article in '" + language + "'");
        }
    }

    /** Writes now, so constraint violations (a concurrent editor took the slug) become a conflict, not a 500. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) throw new Conflict("slug", "The slug was taken by a concurrent change; retry");
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return c.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE;
            }
        }
        return false;
    }

    /** Readers' links to a published article's old slug keep working: the public API redirects them. */
    private void keepRedirect(Article article) {
        em.createQuery("delete from SlugRedirect r where r.language = :language and r.slug = :slug")
                .setParameter("language", article.getLanguage()).setParameter("slug", article.getSlug()).executeUpdate();
        em.persist(new SlugRedirect(article.getLanguage(), article.getSlug(), article.getId(), Instant.now()));
    }

    /**
     * The article to change, locked until the transaction ends: of two editors who read the same version,
     * the second waits for the first and then finds the version moved on.
     */
    private Article findForChange(UUID id, Long expectedVersion) {
        Article article = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) throw new NotFound("article", id);
        requireVersion(article, expectedVersion);
        return article;
    }

    private static void requireVersion(Article article, Long expectedVersion) {
        if (expectedVersion != null && article.getVersion() != expectedVersion) {
            throw new VersionMismatch("article", expectedVersion, article.getVersion());
        }
    }

    private Article find(UUID id) {
        Article article = em.find(Article.class, id);
        if (article == null) throw new NotFound("article", id);
        return article;
    }

}

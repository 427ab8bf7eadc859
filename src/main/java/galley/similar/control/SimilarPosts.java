package galley.similar.control;

import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.database.control.GalleyUnit;
import galley.errors.control.FieldError;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.search.control.ArticleTextBinder;
import galley.search.control.IndexedLanguage;
import galley.security.control.AccessControl;
import galley.similar.entity.SimilarExclusion;
import galley.similar.entity.SimilarPost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Similar posts: computing and storing an article's list, serving it (filtered again at read time, so an
 * unpublished, deleted or excluded article never appears, nor the article itself or a translation of
 * it), and the editors' pins and exclusions.
 */
@ApplicationScoped
@Transactional
public class SimilarPosts {

    public static final int MAX = SimilarityModel.KEEP;
    /** Below this many similar posts in its own language, an article borrows from its translations. */
    static final int BORROW_BELOW = 5;
    /** Borrowed entries rank below the article's own. */
    static final double BORROWED_WEIGHT = 0.5;

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    SimilarityMemory memory;

    @Inject
    SimilarityIndex index;

    @Inject
    AccessControl access;

    @Inject
    Event<SimilarPostsChanged> changed;

    /** A pin: this article at this position (from 1). */
    public record Pin(UUID articleId, int position) {
    }

    /** The editors' view: the list as served, and the pins and exclusions behind it. */
    public record Editorial(List<SimilarEntry> served, List<Pin> pinned, List<UUID> excluded) {
    }

    // --- computing ---

    /** An article a full recomputation computes a list for; only published ones are candidates in lists. */
    public record Source(UUID id, String language, UUID translationGroup, boolean published) {
    }

    /** A computed list, ready to store: entries best first, with their "why" terms. */
    public record Computed(UUID articleId, List<SimilarityModel.Ranked> ranked, Map<UUID, List<String>> why) {
    }

    /** Computes and stores the article's list; returns how many entries it has. Runs as Galley itself. */
    public int recompute(UUID articleId) {
        // One computation per article at a time, on any node: the row lock serialises them.
        Article source = em.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            memory.changed(articleId, null, null, null, null, false);
            memory.watermark().gone(articleId);
            return 0;
        }
        index.forget(articleId);
        Computed computed = index.withModel(articleId, model -> {
            // Complete (words no other article has yet kept): articles written later are compared with it.
            SimilarityModel.Analysed analysed = model.analyse(articleId, source.getLanguage());
            DocVector vector = analysed.complete();
            memory.changed(articleId, analysed.vector(), vector, source.getLanguage(),
                    source.getTranslationGroup(), source.isPublished());
            memory.watermark().seen(articleId, source.getVersion(), source.getUpdatedAt());
            catchUp(model);
            // The candidate index of the last full run when this node has one, else MoreLikeThis; either
            // way the best candidates only are smoothed over, as in a full run.
            List<SimilarityModel.Candidate> candidates = memory.candidates(articleId, vector, source.getLanguage(),
                    source.getTranslationGroup(), FullRecompute.KEPT);
            if (candidates != null) {
                // A deletion through another node leaves nothing for the memory to find: keep published articles only.
                Set<UUID> published = publishedAmong(candidates.stream().map(SimilarityModel.Candidate::id).toList());
                candidates = candidates.stream().filter(c -> published.contains(c.id())).toList();
            } else {
                candidates = model.base(articleId, source.getLanguage(), source.getTranslationGroup(), SimilarityModel.CANDIDATES)
                        .candidates();
                candidates = candidates.subList(0, Math.min(FullRecompute.KEPT, candidates.size()));
            }
            SimilarityModel.Base base = new SimilarityModel.Base(articleId, candidates);
            Map<UUID, List<UUID>> neighbours = computedLists(candidates.stream().map(SimilarityModel.Candidate::id).toList());
            List<SimilarityModel.Ranked> list = SimilarityModel.rank(base, id -> neighbours.getOrDefault(id, List.of()), MAX);
            return new Computed(articleId, list,
                    model.why(analysed, source.getLanguage(), list.stream().map(SimilarityModel.Ranked::id).toList()));
        });
        int stored = store(source, computed);
        changed.fire(new SimilarPostsChanged(List.of(articleId)));
        return stored;
    }

    /**
     * Takes into this node's memory the articles changed through any node since it last looked (see
     * {@link SimilarityMemory}): their vectors now, or, for an article the index does not hold in its new
     * version yet (OpenSearch's outbox), its removal from the candidates until a later look.
     */
    private void catchUp(SimilarityModel model) {
        java.time.Instant from = memory.lookFrom();
        if (from == null) return;
        ChangeWatermark watermark = memory.watermark();
        Set<UUID> unsettled = watermark.unsettled();
        jakarta.persistence.TypedQuery<Object[]> query = em.createQuery("select a.id, a.version, a.updatedAt, a.language, "
                        + "a.translationGroup, a.status from Article a where a.updatedAt > :from"
                        + (unsettled.isEmpty() ? "" : " or a.id in :unsettled"), Object[].class)
                .setParameter("from", from);
        if (!unsettled.isEmpty()) query.setParameter("unsettled", unsettled);
        Set<UUID> found = new HashSet<>();
        for (Object[] r : query.getResultList()) {
            UUID id = (UUID) r[0];
            long version = ((Number) r[1]).longValue();
            found.add(id);
            if (!watermark.isNew(id, version)) continue;
            String language = (String) r[3];
            UUID group = (UUID) r[4];
            if (!index.holdsLatest(id)) {
                memory.changed(id, null, null, language, group, false);
                watermark.unsettled(id);
                continue;
            }
            index.forget(id);
            SimilarityModel.Analysed analysed = model.analyse(id, language);
            memory.changed(id, analysed.vector(), analysed.complete(), language, group, r[5] == ArticleStatus.PUBLISHED);
            watermark.seen(id, version, (java.time.Instant) r[2]);
        }
        for (UUID id : unsettled) {
            if (found.contains(id)) continue;
            memory.changed(id, null, null, null, null, false);
            watermark.gone(id);
        }
    }

    /**
     * Stores lists computed elsewhere (a full recomputation), in one transaction and a few statements for
     * the whole batch: lock the articles, read their pins, delete their computed rows, insert the new ones.
     */
    public void storeAll(List<Computed> lists) {
        if (lists.isEmpty()) return;
        List<UUID> ids = lists.stream().map(Computed::articleId).toList();
        Map<UUID, Article> sources = new HashMap<>();
        em.createQuery("select a from Article a where a.id in :ids", Article.class).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(a -> sources.put(a.getId(), a));
        Map<UUID, Set<UUID>> pinned = new HashMap<>();
        em.createQuery("select sp.articleId, sp.similarId from SimilarPost sp where sp.articleId in :ids and sp.pinned = true", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> pinned.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((UUID) r[1]));
        em.createQuery("delete from SimilarPost sp where sp.articleId in :ids and sp.pinned = false")
                .setParameter("ids", ids).executeUpdate();
        // A full run takes minutes: leave out articles deleted or unpublished since it read the collection.
        Set<UUID> published = publishedAmong(lists.stream().flatMap(c -> c.ranked().stream())
                .map(SimilarityModel.Ranked::id).distinct().toList());
        List<Object[]> rows = new ArrayList<>();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        for (Computed computed : lists) {
            Article source = sources.get(computed.articleId());
            if (source == null) continue;
            Computed current = new Computed(computed.articleId(),
                    computed.ranked().stream().filter(r -> published.contains(r.id())).toList(), computed.why());
            rowsOf(source.getId(), entries(source, current), pinned.getOrDefault(source.getId(), Set.of()), now, rows);
        }
        insertRows(rows);
        changed.fire(new SimilarPostsChanged(ids));
    }

    private Set<UUID> publishedAmong(List<UUID> ids) {
        if (ids.isEmpty()) return Set.of();
        return new HashSet<>(em.createQuery("select a.id from Article a where a.id in :ids and a.status = :published", UUID.class)
                .setParameter("ids", ids).setParameter("published", ArticleStatus.PUBLISHED).getResultList());
    }

    /** Every article, for a full recomputation. */
    public List<Source> sources() {
        return em.createQuery("select a.id, a.language, a.translationGroup, a.status from Article a order by a.id", Object[].class)
                .getResultStream().map(r -> new Source((UUID) r[0], (String) r[1], (UUID) r[2], r[3] == ArticleStatus.PUBLISHED)).toList();
    }

    private int store(Article source, Computed computed) {
        Map<UUID, Entry> entries = entries(source, computed);
        store(source.getId(), entries);
        return entries.size();
    }

    /** The entries of a computed list: readable "why" words, and borrowed entries when it is short. */
    private Map<UUID, Entry> entries(Article source, Computed computed) {
        IndexedLanguage language = IndexedLanguage.of(source.getLanguage());
        Set<String> stems = computed.why().values().stream().flatMap(List::stream)
                .flatMap(t -> java.util.Arrays.stream(t.split(" "))).collect(Collectors.toSet());
        Map<String, String> forms = stems.isEmpty() ? Map.of()
                : SimilarityModel.surfaceForms(source.getTitle() + "\n" + ArticleTextBinder.runningText(source), language, stems);
        Map<UUID, Entry> entries = new LinkedHashMap<>();
        for (SimilarityModel.Ranked r : computed.ranked()) {
            entries.put(r.id(), new Entry(r.score(), computed.why().getOrDefault(r.id(), List.of()).stream()
                    .map(t -> readable(t, forms)).distinct().toList()));
        }
        if (entries.size() < BORROW_BELOW) borrowFromTranslations(source, entries);
        return entries;
    }

    private record Entry(double score, List<String> why) {
    }

    private static String readable(String term, Map<String, String> forms) {
        StringBuilder out = new StringBuilder();
        for (String stem : term.split(" ")) {
            if (stem.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(forms.getOrDefault(stem, stem));
        }
        return out.toString();
    }

    /**
     * Too few similar posts in the article's own language: take those of its other language versions and
     * use their translations in this language, where they exist and are published.
     */
    private void borrowFromTranslations(Article source, Map<UUID, Entry> entries) {
        List<Object[]> rows = em.createQuery("""
                        select t.id, sp.score, sp.why from SimilarPost sp, Article sibling, Article other, Article t
                        where sibling.translationGroup = :group and sibling.id <> :id and sp.articleId = sibling.id
                          and sp.pinned = false and other.id = sp.similarId
                          and t.translationGroup = other.translationGroup and t.language = :language
                          and t.status = :published and t.translationGroup <> :group
                        order by sp.position""", Object[].class)
                .setParameter("group", source.getTranslationGroup())
                .setParameter("id", source.getId())
                .setParameter("language", source.getLanguage())
                .setParameter("published", ArticleStatus.PUBLISHED)
                .getResultList();
        for (Object[] row : rows) {
            if (entries.size() >= MAX) break;
            UUID id = (UUID) row[0];
            if (entries.containsKey(id)) continue;
            double score = row[1] == null ? 0 : ((Double) row[1]) * BORROWED_WEIGHT;
            List<String> why = row[2] == null ? List.of() : List.of(((String) row[2]).split(", "));
            entries.put(id, new Entry(score, why));
        }
    }

    private void store(UUID articleId, Map<UUID, Entry> entries) {
        Set<UUID> pinned = new HashSet<>(em.createQuery(
                        "select sp.similarId from SimilarPost sp where sp.articleId = :id and sp.pinned = true", UUID.class)
                .setParameter("id", articleId).getResultList());
        em.createQuery("delete from SimilarPost sp where sp.articleId = :id and sp.pinned = false")
                .setParameter("id", articleId).executeUpdate();
        insert(articleId, entries, pinned);
    }

    private void insert(UUID articleId, Map<UUID, Entry> entries, Set<UUID> pinned) {
        List<Object[]> rows = new ArrayList<>();
        rowsOf(articleId, entries, pinned, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), rows);
        insertRows(rows);
    }

    private static void rowsOf(UUID articleId, Map<UUID, Entry> entries, Set<UUID> pinned, java.time.OffsetDateTime now, List<Object[]> rows) {
        int position = 0;
        for (Map.Entry<UUID, Entry> e : entries.entrySet()) {
            if (pinned.contains(e.getKey())) continue;
            String why = String.join(", ", e.getValue().why());
            rows.add(new Object[] {articleId, e.getKey(), ++position, e.getValue().score(), why.length() > 300 ? why.substring(0, 300) : why, now});
        }
    }

    /**
     * Computed entries go in as JDBC batches, not as entities: a full run writes a million rows, and
     * nothing in this transaction reads them back as entities.
     */
    private void insertRows(List<Object[]> rows) {
        if (rows.isEmpty()) return;
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("insert into similar_post "
                    + "(article_id, similar_id, pinned, position, score, why, computed_at) values (?, ?, false, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Object[] row : rows) {
                    insert.setObject(1, row[0]);
                    insert.setObject(2, row[1]);
                    insert.setInt(3, (Integer) row[2]);
                    insert.setDouble(4, (Double) row[3]);
                    insert.setString(5, (String) row[4]);
                    insert.setObject(6, row[5]);
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) insert.executeBatch();
            }
        });
    }

    /** The computed lists of these articles, best first: the neighbourhoods the engine smooths with. */
    Map<UUID, List<UUID>> computedLists(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) return Map.of();
        // From the database, not a node's memory: any node may have recomputed them.
        Map<UUID, List<UUID>> lists = new HashMap<>();
        em.createQuery("select sp.articleId, sp.similarId from SimilarPost sp "
                        + "where sp.articleId in :ids and sp.pinned = false order by sp.articleId, sp.position", Object[].class)
                .setParameter("ids", articleIds)
                .getResultList()
                .forEach(r -> lists.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]));
        return lists;
    }

    /** The articles whose stored lists include {@code articleId}. */
    public List<UUID> listsContaining(UUID articleId) {
        return em.createQuery("select distinct sp.articleId from SimilarPost sp where sp.similarId = :id", UUID.class)
                .setParameter("id", articleId).getResultList();
    }

    // --- serving ---

    /** What readers see: at most {@code limit} entries, pins at their positions, everything filtered now. */
    public List<SimilarEntry> served(Article source, int limit) {
        List<SimilarPost> rows = em.createQuery("""
                        select sp from SimilarPost sp join fetch sp.similar a left join fetch a.authors au left join fetch au.profiles
                        where sp.articleId = :id and a.status = :published and a.id <> :id
                          and a.translationGroup <> :group
                          and a.id not in (select e.excludedId from SimilarExclusion e where e.articleId = :id)
                        order by sp.position""", SimilarPost.class)
                .setParameter("id", source.getId())
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("group", source.getTranslationGroup())
                .getResultList();
        List<SimilarPost> pins = rows.stream().filter(SimilarPost::isPinned).toList();
        List<SimilarPost> computed = rows.stream().filter(sp -> !sp.isPinned()).toList();
        List<SimilarPost> merged = new ArrayList<>();
        int nextPin = 0;
        int nextComputed = 0;
        while (merged.size() < limit && (nextPin < pins.size() || nextComputed < computed.size())) {
            boolean pinHere = nextPin < pins.size()
                    && (pins.get(nextPin).getPosition() <= merged.size() + 1 || nextComputed >= computed.size());
            merged.add(pinHere ? pins.get(nextPin++) : computed.get(nextComputed++));
        }
        return merged.stream().map(sp -> new SimilarEntry(sp.getSimilar(), sp.getScore(),
                sp.getWhy() == null || sp.getWhy().isEmpty() ? List.of() : List.of(sp.getWhy().split(", ")),
                sp.isPinned())).toList();
    }

    // --- editing ---

    public Editorial editorial(UUID articleId) {
        access.requireReader("read similar posts");
        Article source = find(articleId);
        List<Pin> pins = em.createQuery("select sp from SimilarPost sp where sp.articleId = :id and sp.pinned = true "
                        + "order by sp.position", SimilarPost.class)
                .setParameter("id", articleId).getResultList().stream()
                .map(sp -> new Pin(sp.getSimilarId(), sp.getPosition())).toList();
        List<UUID> excluded = em.createQuery("select e.excludedId from SimilarExclusion e where e.articleId = :id order by e.excludedId", UUID.class)
                .setParameter("id", articleId).getResultList();
        return new Editorial(served(source, MAX), pins, excluded);
    }

    /** Replaces the article's pins and exclusions; the served list changes at once. */
    public Editorial edit(UUID articleId, List<Pin> pins, List<UUID> excluded) {
        access.requireEditor("edit similar posts");
        Article source = find(articleId);
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> pinnedIds = new LinkedHashSet<>();
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            String field = "pinned[" + i + "]";
            if (!pinnedIds.add(pin.articleId())) errors.add(new FieldError(field + ".articleId", "is pinned twice"));
            if (!positions.add(pin.position())) errors.add(new FieldError(field + ".position", "is used twice"));
            if (pin.articleId().equals(articleId)) errors.add(new FieldError(field + ".articleId", "an article cannot be similar to itself"));
            if (excluded.contains(pin.articleId())) errors.add(new FieldError(field + ".articleId", "is also excluded"));
        }
        Set<UUID> all = new HashSet<>(pinnedIds);
        all.addAll(excluded);
        if (!all.isEmpty()) {
            Set<UUID> existing = new HashSet<>(em.createQuery("select a.id from Article a where a.id in :ids", UUID.class)
                    .setParameter("ids", all).getResultList());
            for (int i = 0; i < pins.size(); i++) {
                if (!existing.contains(pins.get(i).articleId())) errors.add(new FieldError("pinned[" + i + "].articleId", "no such article"));
            }
            for (int i = 0; i < excluded.size(); i++) {
                if (!existing.contains(excluded.get(i))) errors.add(new FieldError("excluded[" + i + "]", "no such article"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidInput(errors);

        em.createQuery("delete from SimilarPost sp where sp.articleId = :id and (sp.pinned = true or sp.similarId in :ids)")
                .setParameter("id", articleId).setParameter("ids", pinnedIds.isEmpty() ? Set.of(articleId) : pinnedIds)
                .executeUpdate();
        em.createQuery("delete from SimilarExclusion e where e.articleId = :id").setParameter("id", articleId).executeUpdate();
        Instant now = Instant.now();
        for (Pin pin : pins) em.persist(new SimilarPost(articleId, pin.articleId(), true, pin.position(), null, null, now));
        for (UUID id : new LinkedHashSet<>(excluded)) em.persist(new SimilarExclusion(articleId, id));
        em.flush();
        changed.fire(new SimilarPostsChanged(List.of(articleId)));
        // The new pins were made from ids: read them back with their articles.
        em.clear();
        return new Editorial(served(source, MAX), pins.stream().sorted((a, b) -> a.position() - b.position()).toList(),
                excluded.stream().distinct().sorted().collect(Collectors.toList()));
    }

    private Article find(UUID id) {
        Article article = em.find(Article.class, id);
        if (article == null) throw new NotFound("article", id);
        return article;
    }
}

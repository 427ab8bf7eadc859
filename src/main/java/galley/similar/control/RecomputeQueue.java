package galley.similar.control;

import galley.database.control.GalleyUnit;
import galley.similar.entity.RecomputeRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recomputation requests in the database, claimed the way webhook deliveries are
 * ({@link galley.webhooks.control.DeliveryQueue}): a conditional UPDATE sets a lease (owner and expiry), so of two
 * nodes claiming one article the second's UPDATE waits for the first's commit and then matches no row, on H2 and
 * PostgreSQL alike. A node that dies holding a lease leaves it to run out; another node then does the work.
 * A request is keyed by its article; the full recomputation's key is null ({@link Key#ALL}).
 */
@ApplicationScoped
@Transactional
public class RecomputeQueue {

    @Inject
    @GalleyUnit
    EntityManager em;

    /** One article's requests, or (article null) the full recomputation's. */
    public record Key(UUID articleId) {
        public static final Key ALL = new Key(null);

        boolean all() {
            return articleId == null;
        }
    }

    /** What a claim took: whether any of its requests asked for the neighbours' lists too. */
    public record Claimed(Key key, boolean spread) {
    }

    /** Adds requests in the caller's transaction (the editor's change): they commit or roll back with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Collection<UUID> articleIds, boolean spread) {
        Instant now = now();
        for (UUID id : articleIds) em.persist(new RecomputeRequest(id, spread, now, now));
    }

    /** A full recomputation, not before {@code notBefore}; the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestFull(Instant notBefore) {
        em.persist(new RecomputeRequest(null, false, now(), notBefore.truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Keys whose requests are all due and not leased, oldest first. All, not any: a full recomputation asked
     * for again waits until imports pause, and an article re-requested while its retry waits keeps waiting.
     */
    public List<Key> due(Instant now, int limit) {
        return em.createQuery("select r.articleId from RecomputeRequest r group by r.articleId "
                        + "having max(r.dueAt) <= :now and max(case when r.leaseUntil is not null and r.leaseUntil >= :now then 1 else 0 end) = 0 "
                        + "order by min(r.requestedAt)", UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultStream().map(Key::new).toList();
    }

    /**
     * Claims every due, unleased request of {@code key} for {@code owner} until {@code now + lease}; commits at
     * once, so other nodes see the claim.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(Key key, String owner, Instant now, Duration lease) {
        int claimed = keyed(em.createQuery("update RecomputeRequest r set r.leaseOwner = :owner, r.leaseUntil = :until "
                        + "where " + match(key) + " and r.dueAt <= :now and (r.leaseUntil is null or r.leaseUntil < :now)"), key)
                .setParameter("owner", owner).setParameter("until", now.plus(lease).truncatedTo(ChronoUnit.MICROS))
                .setParameter("now", now).executeUpdate();
        if (claimed == 0) return Optional.empty();
        List<Boolean> spread = keyed(em.createQuery("select r.spread from RecomputeRequest r where " + match(key)
                + " and r.leaseOwner = :owner", Boolean.class), key).setParameter("owner", owner).getResultList();
        return Optional.of(new Claimed(key, spread.contains(Boolean.TRUE)));
    }

    /**
     * The claimed requests are done: deletes them and adds the requests that follow ({@code next}: the
     * neighbours' lists), in one transaction. Requests added since the claim stay, for another recomputation.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(Claimed claimed, String owner, Collection<UUID> next) {
        keyed(em.createQuery("delete from RecomputeRequest r where " + match(claimed.key()) + " and r.leaseOwner = :owner"), claimed.key())
                .setParameter("owner", owner).executeUpdate();
        request(next, false);
    }

    /** Gives the claimed requests back as one request, due at {@code later} (the index or a running job is not ready). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryAt(Claimed claimed, String owner, Instant later) {
        int released = keyed(em.createQuery("delete from RecomputeRequest r where " + match(claimed.key())
                + " and r.leaseOwner = :owner"), claimed.key()).setParameter("owner", owner).executeUpdate();
        // Lost the lease meanwhile (it ran out): whoever holds it now does the work.
        if (released == 0) return;
        em.persist(new RecomputeRequest(claimed.key().articleId(), claimed.spread(), now(), later.truncatedTo(ChronoUnit.MICROS)));
    }

    /** How many articles (and full recomputations) wait for a recomputation, across the cluster. */
    public int waiting() {
        Object[] counts = em.createQuery("select count(distinct r.articleId), "
                + "coalesce(max(case when r.articleId is null then 1 else 0 end), 0) from RecomputeRequest r", Object[].class).getSingleResult();
        return ((Number) counts[0]).intValue() + ((Number) counts[1]).intValue();
    }

    private static String match(Key key) {
        return key.all() ? "r.articleId is null" : "r.articleId = :article";
    }

    private static <Q extends Query> Q keyed(Q query, Key key) {
        if (!key.all()) query.setParameter("article", key.articleId());
        return query;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

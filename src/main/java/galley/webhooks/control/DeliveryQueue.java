package galley.webhooks.control;

import galley.database.control.GalleyUnit;
import galley.webhooks.entity.WebhookAttempt;
import galley.webhooks.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as the senders see it. Every node polls it; a delivery is sent by the node whose conditional
 * UPDATE claimed it (a lease: owner and expiry), which plain SQL makes safe on H2 and PostgreSQL alike:
 * of two nodes claiming one row, the second's UPDATE waits for the first's commit and then matches no
 * row. A node that dies while sending leaves its lease to run out; another node then sends it again, so a
 * receiver may (rarely) see a delivery twice and should use the event id to notice.
 */
@ApplicationScoped
@Transactional
public class DeliveryQueue {

    @Inject
    @GalleyUnit
    EntityManager em;

    /** Pending deliveries that are due and not leased, to active endpoints, oldest first. */
    public List<UUID> due(Instant now, int limit) {
        return em.createQuery("select d.id from WebhookDelivery d, WebhookEndpoint e where e.id = d.endpointId and e.active = true "
                        + "and d.status = :pending and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now) "
                        + "order by d.nextAttemptAt, d.id", UUID.class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Claims the delivery for {@code owner} until {@code now + lease}, if it is still due and nobody else
     * holds it; commits at once, so other nodes see the claim.
     *
     * @return what sending it needs, when this call claimed it
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outgoing> claim(UUID id, String owner, Instant now, Duration lease) {
        int claimed = em.createQuery("update WebhookDelivery d set d.leaseOwner = :owner, d.leaseUntil = :until "
                        + "where d.id = :id and d.status = :pending and d.nextAttemptAt <= :now "
                        + "and (d.leaseUntil is null or d.leaseUntil < :now)")
                .setParameter("owner", owner).setParameter("until", now.plus(lease).truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", id).setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", now)
                .executeUpdate();
        if (claimed != 1) return Optional.empty();
        return em.createQuery("select new galley.webhooks.control.Outgoing(d.id, e.id, d.eventType, d.payload, d.attempts, e.url, e.secret) "
                        + "from WebhookDelivery d, WebhookEndpoint e where e.id = d.endpointId and d.id = :id", Outgoing.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * Records how an attempt ended and what comes next: delivered, due again after the schedule's wait, or
     * failed for good. Nothing is recorded when the lease was lost meanwhile (the endpoint was deleted, or
     * the lease ran out and another node took over).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Outgoing sent, String owner, Outcome outcome, RetrySchedule retries, Instant now) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, sent.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !owner.equals(delivery.getLeaseOwner())) return;
        int attempt = sent.attempts() + 1;
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        WebhookDelivery.Status status;
        Instant next = null;
        if (outcome.delivered()) {
            status = WebhookDelivery.Status.DELIVERED;
        } else {
            Optional<Duration> wait = retries.delayAfter(attempt);
            status = wait.isPresent() ? WebhookDelivery.Status.PENDING : WebhookDelivery.Status.FAILED;
            if (wait.isPresent()) next = at.plus(wait.get());
        }
        delivery.attempted(attempt, outcome.statusCode(), outcome.error(), status, next, at);
        em.persist(new WebhookAttempt(delivery.getId(), attempt, outcome.startedAt().truncatedTo(ChronoUnit.MICROS),
                outcome.durationMs(), outcome.statusCode(), outcome.error()));
    }
}

package galley.webhooks.control;

import galley.database.control.GalleyUnit;
import galley.errors.control.Conflict;
import galley.errors.control.FieldError;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.paging.control.Page;
import galley.paging.control.PageRequest;
import galley.security.control.AccessControl;
import galley.webhooks.entity.WebhookAttempt;
import galley.webhooks.entity.WebhookDelivery;
import galley.webhooks.entity.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Hibernate;

/** Webhook endpoints and their delivery logs, for admins only. */
@ApplicationScoped
@Transactional
public class Webhooks {

    private static final String ACTION = "manage webhooks";

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    WebhookOutbox outbox;

    /** What an admin gives for an endpoint; a null secret keeps the current one (a new endpoint gets a generated one). */
    public record Fields(String url, List<String> events, String description, Boolean active, String secret) {
    }

    /** A new endpoint and its secret: the only time the secret is shown. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    /** A delivery with its attempts, oldest attempt first. */
    public record DeliveryLog(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    public Created create(Fields fields) {
        access.requireAdmin(ACTION);
        Instant now = now();
        String secret = fields.secret() != null ? fields.secret() : Signatures.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(checkedUrl(fields.url()), secret, access.callerName(), now);
        apply(endpoint, fields);
        em.persist(endpoint);
        return new Created(endpoint, secret);
    }

    public List<WebhookEndpoint> list() {
        access.requireAdmin(ACTION);
        List<WebhookEndpoint> all = em.createQuery("select e from WebhookEndpoint e order by e.createdAt desc, e.id", WebhookEndpoint.class)
                .getResultList();
        all.forEach(e -> Hibernate.initialize(e.getEvents()));
        return all;
    }

    public WebhookEndpoint get(UUID id) {
        access.requireAdmin(ACTION);
        WebhookEndpoint endpoint = find(id);
        Hibernate.initialize(endpoint.getEvents());
        return endpoint;
    }

    /** Replaces the endpoint's settings; its secret only when a new one is given. */
    public WebhookEndpoint replace(UUID id, Fields fields) {
        access.requireAdmin(ACTION);
        WebhookEndpoint endpoint = find(id);
        endpoint.setUrl(checkedUrl(fields.url()));
        if (fields.secret() != null) endpoint.setSecret(fields.secret());
        apply(endpoint, fields);
        endpoint.setUpdatedAt(now());
        em.flush();
        return endpoint;
    }

    /** Deletes the endpoint with its delivery log; pending deliveries are dropped. */
    public void delete(UUID id) {
        access.requireAdmin(ACTION);
        em.remove(find(id));
    }

    /** The endpoint's deliveries, newest first, optionally in one status, with their attempts. */
    public Page<DeliveryLog> deliveries(UUID id, WebhookDelivery.Status status, PageRequest request) {
        access.requireAdmin(ACTION);
        find(id);
        String where = " where d.endpointId = :id" + (status == null ? "" : " and d.status = :status");
        TypedQuery<Long> count = em.createQuery("select count(d) from WebhookDelivery d" + where, Long.class).setParameter("id", id);
        TypedQuery<WebhookDelivery> items = em.createQuery("select d from WebhookDelivery d" + where
                + " order by d.createdAt desc, d.id desc", WebhookDelivery.class).setParameter("id", id);
        if (status != null) {
            count.setParameter("status", status);
            items.setParameter("status", status);
        }
        long total = count.getSingleResult();
        List<WebhookDelivery> deliveries = total == 0 ? List.of()
                : items.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        Map<UUID, List<WebhookAttempt>> attempts = new LinkedHashMap<>();
        deliveries.forEach(d -> attempts.put(d.getId(), new ArrayList<>()));
        if (!deliveries.isEmpty()) {
            em.createQuery("select a from WebhookAttempt a where a.deliveryId in :ids order by a.attempt", WebhookAttempt.class)
                    .setParameter("ids", List.copyOf(attempts.keySet())).getResultList()
                    .forEach(a -> attempts.get(a.getDeliveryId()).add(a));
        }
        return new Page<>(deliveries.stream().map(d -> new DeliveryLog(d, attempts.get(d.getId()))).toList(),
                request.page(), request.size(), total);
    }

    /** Queues a ping to the endpoint, to test it; an inactive endpoint receives nothing, so it is a conflict. */
    public DeliveryLog ping(UUID id) {
        access.requireAdmin(ACTION);
        requireActive(find(id));
        return new DeliveryLog(outbox.ping(id), List.of());
    }

    /** Queues one of the endpoint's deliveries again, as a new delivery of the same event and body. */
    public DeliveryLog redeliver(UUID id, UUID deliveryId) {
        access.requireAdmin(ACTION);
        requireActive(find(id));
        WebhookDelivery earlier = em.find(WebhookDelivery.class, deliveryId);
        if (earlier == null || !earlier.getEndpointId().equals(id)) throw new NotFound("webhook delivery", deliveryId);
        return new DeliveryLog(outbox.again(earlier), List.of());
    }

    private static void requireActive(WebhookEndpoint endpoint) {
        if (!endpoint.isActive()) throw new Conflict("active", "The webhook is inactive; activate it first");
    }

    private static void apply(WebhookEndpoint endpoint, Fields fields) {
        List<FieldError> errors = new ArrayList<>();
        List<String> events = new ArrayList<>();
        int i = 0;
        for (String name : fields.events()) {
            if (EventType.ofWireName(name).filter(EventType::subscribable).isEmpty()) {
                errors.add(new FieldError("events[" + i + "]", "must be one of " + String.join(", ", EventType.subscribableNames())));
            } else if (events.contains(name)) {
                errors.add(new FieldError("events[" + i + "]", "is named twice"));
            }
            events.add(name);
            i++;
        }
        if (events.isEmpty()) errors.add(new FieldError("events", "name at least one event"));
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        endpoint.getEvents().clear();
        endpoint.getEvents().addAll(events);
        endpoint.setDescription(fields.description() == null || fields.description().isBlank() ? null : fields.description().strip());
        endpoint.setActive(fields.active() == null || fields.active());
    }

    /** An absolute http or https URL with a host, as {@link java.net.http.HttpClient} will accept it. */
    static String checkedUrl(String url) {
        String value = url == null ? "" : url.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getFragment() == null) return value;
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidInput("url", "must be an absolute http or https URL with a host and no fragment");
    }

    private WebhookEndpoint find(UUID id) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null) throw new NotFound("webhook", id);
        return endpoint;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

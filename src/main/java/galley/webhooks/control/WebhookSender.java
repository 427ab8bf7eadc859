package galley.webhooks.control;

import galley.configuration.control.PlatformResources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries from the outbox, on every node: claims a batch ({@link DeliveryQueue#claim}), posts
 * them at once, then records each outcome and schedules the retries. Redirects are never followed (a
 * receiver cannot send the signed body elsewhere), and a receiver gets {@code galley.webhooks.timeout} to
 * connect and as long again to answer.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final int BATCH = 20;
    static final String USER_AGENT = "Galley-Webhooks/1.0";
    /** Identifies this node's leases; a new one per start, so a restarted node does not mistake old leases for its own. */
    private static final String NODE = UUID.randomUUID().toString();

    ManagedScheduledExecutorService scheduler;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        scheduler = PlatformResources.scheduler();
    }

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookSettings settings;

    private HttpClient client;
    private Duration timeout;
    private RetrySchedule retries;
    private ScheduledFuture<?> task;

    public synchronized void start() {
        if (task != null) return;
        // Read (and so checked) once, at start-up: a bad setting stops the deployment, not each poll.
        timeout = settings.timeout();
        retries = settings.retries();
        Duration period = settings.pollPeriod();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        task = scheduler.scheduleWithFixedDelay(this::sendDue, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sendDue() {
        try {
            Instant now = Instant.now();
            // The lease outlasts the longest an attempt can take (connect, then answer), with room to record it.
            Duration lease = timeout.multipliedBy(2).plusSeconds(60);
            List<Outgoing> claimed = new ArrayList<>();
            for (UUID id : queue.due(now, BATCH)) queue.claim(id, NODE, now, lease).ifPresent(claimed::add);
            if (claimed.isEmpty()) return;
            List<CompletableFuture<Outcome>> sending = claimed.stream().map(this::send).toList();
            for (int i = 0; i < claimed.size(); i++) {
                Outcome outcome = sending.get(i).join();
                Outgoing sent = claimed.get(i);
                try {
                    queue.record(sent, NODE, outcome, retries, Instant.now());
                } catch (RuntimeException e) {
                    // The lease runs out and the delivery is tried again: sent twice rather than lost.
                    LOG.log(Level.WARNING, "Could not record the outcome of webhook delivery " + sent.deliveryId(), e);
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; a database outage must not end the sender.
            LOG.log(Level.WARNING, "Sending webhook deliveries failed; retrying at the next poll", e);
        }
    }

    /** One attempt; never fails: a refusal, a timeout or a malformed URL becomes an outcome with its error. */
    private CompletableFuture<Outcome> send(Outgoing delivery) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        try {
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Galley-Event", delivery.eventType())
                    .header("X-Galley-Delivery", delivery.deliveryId().toString())
                    .header(Signatures.HEADER, Signatures.sign(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .orTimeout(timeout.multipliedBy(2).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> {
                        int took = millisSince(start);
                        if (error != null) return Outcome.failed(startedAt, took, error);
                        // Only the status counts; the body is not read (closing drops the connection).
                        try (InputStream ignored = response.body()) {
                            return Outcome.answered(startedAt, took, response.statusCode());
                        } catch (java.io.IOException e) {
                            return Outcome.answered(startedAt, took, response.statusCode());
                        }
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcome.failed(startedAt, millisSince(start), e));
        }
    }

    private static int millisSince(long startNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) task.cancel(false);
    }
}

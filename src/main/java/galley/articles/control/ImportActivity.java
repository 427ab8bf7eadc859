package galley.articles.control;

import galley.configuration.control.PlatformResources;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether imports are running on this node, or ended moments ago. A bulk import arrives as many requests back to
 * back; work that each of them makes stale (the full similar-posts recomputation) waits until they pause rather
 * than competing with them for the processors and being redone after each one. This node's imports only: an
 * import on another node does not hold this node's work back (that costs time, never correctness).
 */
@ApplicationScoped
public class ImportActivity {

    /** How long imports must have paused before work they make stale starts. */
    public static final Duration QUIET = Duration.ofSeconds(5);

    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastEndedMillis = Long.MIN_VALUE;

    TransactionSynchronizationRegistry transactions;

    @PostConstruct
    void lookUpResources() {
        transactions = PlatformResources.transactions();
    }

    /** An import starts in the caller's transaction; it counts as running until that transaction ends, either way. */
    void begin() {
        started();
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    ended(System.currentTimeMillis());
                }
            });
        } catch (RuntimeException e) {
            ended(System.currentTimeMillis());
            throw e;
        }
    }

    void started() {
        running.incrementAndGet();
    }

    void ended(long nowMillis) {
        lastEndedMillis = nowMillis;
        running.decrementAndGet();
    }

    /** Whether an import runs here now, or one ended less than {@link #QUIET} before {@code nowMillis}. */
    public boolean busy(long nowMillis) {
        return running.get() > 0 || (lastEndedMillis != Long.MIN_VALUE && nowMillis - lastEndedMillis < QUIET.toMillis());
    }
}

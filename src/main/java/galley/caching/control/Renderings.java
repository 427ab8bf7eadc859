package galley.caching.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Single flight for kept-answer misses: of the requests that miss the same key at once, one renders the answer
 * and the others wait for it (a bounded time) and are then served what it kept. Without it, every connection asking
 * for an answer that just expired or was dropped by a change renders it at the same moment: a popular search
 * answer, kept for seconds, or the front page after each publication. On this node only; another node renders its
 * own copy at most once at a time too.
 */
@ApplicationScoped
public class Renderings {

    private final ConcurrentHashMap<String, CountDownLatch> running = new ConcurrentHashMap<>();

    /** A rendering of {@code key}: the caller's own ({@link Rendering#own()}), or the one another request runs. */
    public Rendering join(String key) {
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch other = running.putIfAbsent(key, mine);
        return other == null ? new Rendering(key, mine, true) : new Rendering(key, other, false);
    }

    public final class Rendering implements AutoCloseable {
        private final String key;
        private final CountDownLatch done;
        private final boolean own;

        private Rendering(String key, CountDownLatch done, boolean own) {
            this.key = key;
            this.done = done;
            this.own = own;
        }

        /** Whether the caller renders (and must {@link #close()} when it is done, kept or not). */
        public boolean own() {
            return own;
        }

        /** Waits for the other request's rendering; false when it took longer than {@code millis} (or interrupted). */
        public boolean await(long millis) {
            try {
                return done.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The caller's rendering ended: those waiting for it look again. */
        @Override
        public void close() {
            if (!own) return;
            running.remove(key, done);
            done.countDown();
        }
    }
}

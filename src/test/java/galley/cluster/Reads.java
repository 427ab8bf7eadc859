package galley.cluster;

import galley.testing.Api;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reader that keeps asking one node while the test does things to the other: a public article (cached), a
 * public list page that changes as articles are published (often not cached), and an admin read (through the
 * second-level cache). Counts answers by status, failures (anything but 200, or no answer) and the slowest.
 */
final class Reads {

    private final Api reader;
    private final Api admin;
    private final String articlePath;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong slowest = new AtomicLong();
    private Thread thread;

    Reads(Api reader, Api admin, String articlePath) {
        this.reader = reader;
        this.admin = admin;
        this.articlePath = articlePath;
    }

    void start() {
        thread = new Thread(this::run, "reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        stop.set(true);
        thread.join(70_000);
    }

    int failures() {
        return failures.get();
    }

    synchronized String summary() {
        return requests.get() + " requests, " + failures.get() + " failed, slowest " + slowest.get() + " ms, answers " + outcomes;
    }

    private void run() {
        int n = 0;
        while (!stop.get()) {
            n++;
            String path = switch (n % 3) {
                case 0 -> articlePath;
                case 1 -> "api/articles?lang=en&size=5";
                default -> null;
            };
            long started = System.nanoTime();
            String outcome;
            try {
                Api.Reply reply = path == null ? admin.get("api/admin/articles?size=3") : reader.get(path);
                outcome = Integer.toString(reply.status());
            } catch (RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            }
            long took = (System.nanoTime() - started) / 1_000_000;
            slowest.accumulateAndGet(took, Math::max);
            requests.incrementAndGet();
            if (!"200".equals(outcome)) failures.incrementAndGet();
            synchronized (this) {
                outcomes.merge(outcome, 1, Integer::sum);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

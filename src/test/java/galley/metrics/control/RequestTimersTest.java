package galley.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

class RequestTimersTest {

    /** A registry that, like Payara's, breaks when two threads create timers at once; it counts the updates. */
    private final AtomicInteger creating = new AtomicInteger();
    private final ConcurrentHashMap<String, LongAdder> updates = new ConcurrentHashMap<>();

    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("timer")) throw new UnsupportedOperationException(method.getName());
                    if (creating.incrementAndGet() > 1) throw new java.util.ConcurrentModificationException("two at once");
                    try {
                        Thread.sleep(2);
                        StringBuilder key = new StringBuilder();
                        for (Object arg : args) if (arg instanceof Tag[] tags) for (Tag t : tags) key.append(t.getTagValue()).append(' ');
                        LongAdder count = updates.computeIfAbsent(key.toString().strip(), k -> new LongAdder());
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Timer.class}, (p, m, a) -> {
                            if (m.getName().equals("update")) count.increment();
                            return null;
                        });
                    } finally {
                        creating.decrementAndGet();
                    }
                });
    }

    @Test
    void statusesFallInTheirClassAndOddOnesAmongServerErrors() {
        assertEquals(0, RequestTimers.statusClass(101));
        assertEquals(1, RequestTimers.statusClass(200));
        assertEquals(1, RequestTimers.statusClass(204));
        assertEquals(2, RequestTimers.statusClass(304));
        assertEquals(3, RequestTimers.statusClass(404));
        assertEquals(3, RequestTimers.statusClass(499));
        assertEquals(4, RequestTimers.statusClass(503));
        // Never set (0) or out of range: counted as a server error rather than lost.
        assertEquals(4, RequestTimers.statusClass(0));
        assertEquals(4, RequestTimers.statusClass(999));
    }

    @Test
    void timersAreCreatedOneAtATimeWhenTheFirstRequestsComeAtOnce() throws Exception {
        RequestTimers timers = new RequestTimers();
        timers.registry = registry();
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) timers.record("op" + (i % 10), 200 + (i % 3) * 100, Duration.ofMillis(1).toNanos());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, updates.size(), "one timer per operation and status class");
        assertEquals(threads * perThread, updates.values().stream().mapToLong(LongAdder::sum).sum(), "every request recorded");
    }
}

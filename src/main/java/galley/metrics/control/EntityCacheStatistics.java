package galley.metrics.control;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The hits, misses, puts and evictions of one second-level cache region, from the JCache statistics MXBean
 * ({@code javax.cache:type=CacheStatistics}) its cache provider registers (Caffeine's and Payara's Hazelcast
 * alike) when the cache was created with statistics (galley.caching.control.GalleyRegionFactory). Chosen over
 * Hibernate's statistics ({@code hibernate.generate_statistics}), which would also time and count every query
 * and entity load of every session: these are a few counter increments per cache access and nothing else.
 */
public final class EntityCacheStatistics {

    private final String cacheName;
    private volatile ObjectName name;

    public EntityCacheStatistics(String cacheName) {
        this.cacheName = cacheName;
    }

    /** {@code CacheHits}, {@code CacheMisses}, {@code CachePuts} or {@code CacheEvictions}; NaN when unknown. */
    public double read(String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Optional<ObjectName> found = find(server);
        if (found.isEmpty()) return Double.NaN;
        try {
            return ((Number) server.getAttribute(found.get(), attribute)).doubleValue();
        } catch (JMException | RuntimeException e) {
            name = null; // re-registered (a redeployment): look it up again next time
            return Double.NaN;
        }
    }

    private Optional<ObjectName> find(MBeanServer server) {
        ObjectName known = name;
        if (known != null) return Optional.of(known);
        try {
            for (ObjectName candidate : server.queryNames(new ObjectName("javax.cache:type=CacheStatistics,*"), null)) {
                String cache = candidate.getKeyProperty("Cache");
                if (cache != null && unquote(cache).equals(cacheName)) {
                    name = candidate;
                    return Optional.of(candidate);
                }
            }
        } catch (JMException e) {
            // No such MXBean (statistics off, or a provider without them): unknown.
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? ObjectName.unquote(value) : value;
    }
}

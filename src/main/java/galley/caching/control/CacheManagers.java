package galley.caching.control;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The one JCache {@code CacheManager} Galley's caches live in (Hibernate's second-level cache and the
 * public-response cache), chosen by {@code galley.cache.provider}:
 * <ul>
 * <li>{@code local} (default): Caffeine's JCache provider from the WAR, this node's memory. Right for a
 * single node; several nodes would each keep copies the others cannot invalidate.</li>
 * <li>{@code payara}: Payara's own JCache (its Hazelcast data grid, JNDI {@code payara/CacheManager}), so
 * an invalidation on one node reaches every node of the cluster.</li>
 * </ul>
 */
public final class CacheManagers {

    public static final String LOCAL = "local";
    public static final String PAYARA = "payara";
    static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
    static final String PAYARA_JNDI = "payara/CacheManager";

    private CacheManagers() {
    }

    public static CacheManager resolve(String provider) {
        String p = provider == null || provider.isBlank() ? LOCAL : provider.strip();
        if (PAYARA.equals(p)) {
            try {
                return (CacheManager) new InitialContext().lookup(PAYARA_JNDI);
            } catch (NamingException e) {
                throw new IllegalStateException("galley.cache.provider=payara, but Payara's JCache (" + PAYARA_JNDI + ") is not available", e);
            }
        }
        if (!LOCAL.equals(p)) throw new IllegalArgumentException("galley.cache.provider must be local or payara, not " + p);
        // The WAR's class loader: the provider is in WEB-INF/lib, and one manager per loader is shared.
        ClassLoader loader = CacheManagers.class.getClassLoader();
        return Caching.getCachingProvider(CAFFEINE, loader).getCacheManager(Caching.getCachingProvider(CAFFEINE, loader).getDefaultURI(), loader);
    }

    /** Whether the manager keeps entries in this JVM's memory only (no serialisation, no cluster). */
    public static boolean isLocal(CacheManager manager) {
        return manager.getCachingProvider().getClass().getName().equals(CAFFEINE);
    }

    /**
     * The cache {@code name}, created if missing: bounded to {@code maxEntries} (per node) and, with a
     * {@code timeToLive}, dropped that long after writing. Local caches keep references (no copying: their
     * values are never changed after they are put); the data grid keeps serialised values, as it must.
     */
    public static <K, V> Cache<K, V> getOrCreate(CacheManager manager, String name, long maxEntries, Duration timeToLive) {
        return getOrCreate(manager, name, maxEntries, timeToLive, false);
    }

    /**
     * The same, with JCache statistics (hits, misses, puts, evictions as the standard {@code CacheStatistics}
     * MXBean, read by galley.metrics) when {@code statistics}: a few counter increments per access.
     */
    public static <K, V> Cache<K, V> getOrCreate(CacheManager manager, String name, long maxEntries, Duration timeToLive,
                                                 boolean statistics) {
        Cache<K, V> existing = manager.getCache(name);
        if (existing != null) return existing;
        try {
            if (isLocal(manager)) {
                CaffeineConfiguration<K, V> config = new CaffeineConfiguration<K, V>()
                        .setStoreByValue(false)
                        .setMaximumSize(OptionalLong.of(maxEntries));
                config.setStatisticsEnabled(statistics);
                if (timeToLive != null) config.setExpireAfterWrite(OptionalLong.of(timeToLive.toNanos()));
                return manager.createCache(name, config);
            }
            // Hazelcast bounds each cache by its eviction configuration (10,000 entries per node by default).
            MutableConfiguration<K, V> config = new MutableConfiguration<K, V>()
                    .setStatisticsEnabled(statistics)
                    .setExpiryPolicyFactory(timeToLive == null ? EternalExpiryPolicy.factoryOf()
                            : CreatedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, timeToLive.toMillis())));
            return manager.createCache(name, config);
        } catch (javax.cache.CacheException e) {
            // Created meanwhile by another thread (or node).
            Cache<K, V> created = manager.getCache(name);
            if (created == null) throw e;
            return created;
        }
    }
}

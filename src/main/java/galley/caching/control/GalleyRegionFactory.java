package galley.caching.control;

import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cache.jcache.internal.JCacheRegionFactory;

/**
 * Hibernate's second-level cache on JCache, in the cache manager {@code galley.cache.provider} chooses
 * (see {@link CacheManagers}): this node's Caffeine, or Payara's Hazelcast data grid in a cluster. Regions
 * are bounded ({@code galley.cache.entities.max-entries} per region), which Hibernate's own default (an
 * unbounded cache, copied on every read) is not. Configured in persistence.xml.
 */
public class GalleyRegionFactory extends JCacheRegionFactory {

    public static final String PROVIDER = "galley.cache.provider";
    public static final String MAX_ENTRIES = "galley.cache.entities.max-entries";

    private volatile long maxEntries = 20_000;

    @Override
    protected CacheManager resolveCacheManager(SessionFactoryOptions options, Map<String, Object> properties) {
        Object max = properties.get(MAX_ENTRIES);
        if (max != null && !max.toString().isBlank()) maxEntries = Long.parseLong(max.toString().strip());
        Object provider = properties.get(PROVIDER);
        return CacheManagers.resolve(provider == null ? null : provider.toString());
    }

    @Override
    protected Cache<Object, Object> createCache(String regionName) {
        // With statistics: the second-level cache's hit rates per region are metrics (galley.metrics.control.EntityCacheStatistics).
        return CacheManagers.getOrCreate(getCacheManager(), regionName, maxEntries, null, true);
    }

    @Override
    protected void releaseFromUse() {
        // Payara's manager belongs to the server: leave it open. The WAR's own goes with the application.
        CacheManager manager = getCacheManager();
        if (manager != null && CacheManagers.isLocal(manager)) super.releaseFromUse();
    }
}

package galley.metrics.control;

import galley.database.control.GalleyUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.hibernate.cache.spi.support.RegionNameQualifier;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Registers the gauges that are read when metrics are scraped rather than counted as work happens: the
 * second-level cache's statistics per region and the backlogs in the database ({@link Backlog}: webhook
 * deliveries, overdue publications, the index outbox, similar-posts recomputations). The request timers and the public-response cache's
 * counters are registered where they are counted ({@link RequestTimers}, galley.caching.control.PublicResponses).
 */
@ApplicationScoped
public class GalleyMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    Backlog backlog;

    @Inject
    @GalleyUnit
    EntityManagerFactory entityManagerFactory;

    /** Called by galley.configuration.boundary.ApplicationStart when the web application starts. */
    public void register() {
        registerEntityCaches();
        backlogGauge("galley.webhooks.deliveries.pending", null,
                "Webhook deliveries waiting to be sent (first attempts and retries) to active endpoints", Backlog.Snapshot::webhooksPending);
        backlogGauge("galley.webhooks.deliveries.pending.oldest.age", MetricUnits.SECONDS,
                "How long the oldest pending webhook delivery has waited since its event (0 when none)", Backlog.Snapshot::oldestWebhookSeconds);
        backlogGauge("galley.webhooks.deliveries.failed", null,
                "Webhook deliveries given up after their last attempt (they stay until redelivered or their endpoint is deleted)",
                Backlog.Snapshot::webhooksFailed);
        backlogGauge("galley.articles.scheduled.overdue", null,
                "Scheduled articles whose publication time has passed but that are not published yet (normally 0: they are published within about a second)",
                Backlog.Snapshot::publicationsOverdue);
        backlogGauge("galley.articles.scheduled.overdue.oldest.age", MetricUnits.SECONDS,
                "How far past its publication time the most overdue scheduled article is (0 when none)", Backlog.Snapshot::oldestOverdueSeconds);
        backlogGauge("galley.index.outbox.pending", null,
                "Hibernate Search outbox events not yet indexed (outbox-polling coordination; 0 with the embedded Lucene backend, which indexes synchronously)",
                Backlog.Snapshot::indexEventsPending);
        backlogGauge("galley.index.outbox.oldest.age", MetricUnits.SECONDS,
                "The index lag: how long the oldest pending Hibernate Search outbox event has waited (0 when none)",
                Backlog.Snapshot::oldestIndexEventSeconds);
        backlogGauge("galley.similar.recompute.pending", null,
                "Articles whose similar-posts lists wait for a background recomputation, on any node (a full recomputation counts as one)",
                Backlog.Snapshot::similarPending);
        backlogGauge("galley.similar.recompute.pending.oldest.age", MetricUnits.SECONDS,
                "The lag of similar posts: how long the oldest waiting recomputation request has waited (0 when none)",
                Backlog.Snapshot::oldestSimilarSeconds);
    }

    private void backlogGauge(String name, String unit, String description, ToDoubleFunction<Backlog.Snapshot> value) {
        var metadata = Metadata.builder().withName(name).withDescription(description);
        if (unit != null) metadata.withUnit(unit);
        registry.gauge(metadata.build(), backlog, b -> {
            Backlog.Snapshot snapshot = b.current();
            return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
        });
    }

    /** Hits, misses, puts and evictions of every second-level cache region, as its JCache statistics count them. */
    private void registerEntityCaches() {
        SessionFactoryImplementor factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        for (String region : new TreeSet<>(factory.getCache().getCacheRegionNames())) {
            var statistics = new EntityCacheStatistics(RegionNameQualifier.INSTANCE.qualify(region, factory.getSessionFactoryOptions()));
            Tag tag = new Tag("region", region);
            entityCacheGauge("hits", "Second-level cache lookups that found the entry (since start, this node)", statistics, "CacheHits", tag);
            entityCacheGauge("misses", "Second-level cache lookups that went to the database (since start, this node)", statistics, "CacheMisses", tag);
            entityCacheGauge("puts", "Entries put in the second-level cache (since start, this node)", statistics, "CachePuts", tag);
            entityCacheGauge("evictions", "Entries the second-level cache dropped for its size bound (since start, this node)", statistics, "CacheEvictions", tag);
        }
    }

    private void entityCacheGauge(String what, String description, EntityCacheStatistics statistics, String attribute, Tag tag) {
        registry.gauge(Metadata.builder().withName("galley.cache.entities." + what).withDescription(description).build(),
                statistics, s -> s.read(attribute), tag);
    }
}

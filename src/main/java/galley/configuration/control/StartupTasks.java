package galley.configuration.control;

import galley.articles.control.ScheduledPublishing;
import galley.demo.control.DemoContent;
import galley.search.control.SearchIndex;
import galley.security.control.AdminBootstrap;
import galley.similar.control.RecomputeJobStore;
import galley.similar.control.RecomputeJobs;
import galley.webhooks.control.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What runs once the application is deployed (the schema is migrated by then): the OpenSearch index
 * created or checked, the configured first admin, then, in a demo run, the demo admin and demo content; scheduled publishing (catching up on
 * articles that fell due while Galley was down) and the webhook sender (which sends what the outbox
 * still holds); then, in the background, a search index that disagrees with the database is rebuilt,
 * similar posts are computed if none exist yet, and the similar-posts requests left in the database are taken.
 */
@ApplicationScoped
public class StartupTasks {

    @Inject
    AdminBootstrap adminBootstrap;

    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    @Inject
    DemoContent demo;

    @Inject
    SearchIndex searchIndex;

    @Inject
    galley.search.control.SearchBackendMonitor searchMonitor;

    @Inject
    RecomputeJobs similarJobs;

    @Inject
    RecomputeJobStore similarJobStore;

    @Inject
    ScheduledPublishing scheduledPublishing;

    @Inject
    WebhookSender webhookSender;

    @Inject
    galley.similar.control.SimilarMaintenance similarMaintenance;

    @Inject
    galley.articles.control.Articles articles;

    ManagedExecutorService executor;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        executor = PlatformResources.executor();
    }

    /** Called by galley.configuration.boundary.ApplicationStart when the web application starts. */
    public void run() {
        searchIndex.prepareSchema();
        adminBootstrap.run();
        similarJobStore.abandonStale();
        demo.runIfEnabled();
        scheduledPublishing.start();
        webhookSender.start();
        searchMonitor.start();
        executor.execute(this::bringDerivedDataUpToDate);
    }

    private void bringDerivedDataUpToDate() {
        try {
            while (articles.fillMissingTitleKeys(500) > 0) {
                LOG.info("Title sort keys filled for articles saved before they existed");
            }
            if (!searchIndex.current()) searchIndex.rebuild();
            if (!similarJobStore.anyComputed()) similarJobs.startAsSystem();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Bringing the search index and similar posts up to date failed", e);
        } finally {
            // Requests left from before the start wait for a rebuilt index: their lists would miss articles.
            similarMaintenance.start();
        }
    }
}

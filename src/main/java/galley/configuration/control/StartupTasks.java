package galley.configuration.control;

import galley.articles.control.ScheduledPublishing;
import galley.demo.control.DemoContent;
import galley.search.control.SearchFailures;
import galley.search.control.SearchIndex;
import galley.security.control.AdminBootstrap;
import galley.similar.control.RecomputeJobStore;
import galley.similar.control.RecomputeJobs;
import galley.webhooks.control.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What runs once the application is deployed (the schema is migrated by then): the OpenSearch index
 * created or checked (or, when the cluster does not answer, later in the background), the configured first
 * admin, then, in a demo run, the demo admin and demo content; scheduled publishing (catching up on
 * articles that fell due while Galley was down) and the webhook sender (which sends what the outbox
 * still holds); then, in the background, a search index that disagrees with the database is rebuilt,
 * similar posts are computed if none exist yet, and the similar-posts requests left in the database are taken.
 */
@ApplicationScoped
public class StartupTasks {

    @Inject
    AdminBootstrap adminBootstrap;

    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    /** How often a node that started without the search cluster asks for it again. */
    private static final Duration SEARCH_RETRY = Duration.ofSeconds(3);

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
        boolean searchPrepared = prepareSearchIndex();
        adminBootstrap.run();
        similarJobStore.abandonStale();
        demo.runIfEnabled();
        scheduledPublishing.start();
        webhookSender.start();
        searchMonitor.start();
        executor.execute(() -> bringDerivedDataUpToDate(searchPrepared));
    }

    /**
     * The OpenSearch index created or checked; false when the cluster does not answer. Galley then starts
     * without it (articles, authors and admin writes need only the database; search answers 503 and the outbox
     * keeps the changes) and prepares the index in the background once the cluster answers. A mapping the
     * cluster's index disagrees with still stops the start.
     */
    private boolean prepareSearchIndex() {
        try {
            searchIndex.prepareSchema();
            return true;
        } catch (RuntimeException e) {
            if (SearchFailures.classify(e) != SearchFailures.Kind.UNAVAILABLE) throw e;
            LOG.warning("The search cluster does not answer (" + e.getMessage() + "); starting without search, "
                    + "the index is prepared once the cluster answers");
            return false;
        }
    }

    private void awaitSearchIndex() throws InterruptedException {
        while (true) {
            Thread.sleep(SEARCH_RETRY.toMillis());
            try {
                searchIndex.prepareSchema();
                LOG.info("The search cluster answers: search index prepared");
                return;
            } catch (RuntimeException e) {
                if (SearchFailures.classify(e) != SearchFailures.Kind.UNAVAILABLE) throw e;
                LOG.fine(() -> "The search cluster still does not answer: " + e.getMessage());
            }
        }
    }

    private void bringDerivedDataUpToDate(boolean searchPrepared) {
        try {
            if (!searchPrepared) awaitSearchIndex();
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

package galley;

import galley.security.boundary.AccessTests;

import galley.articles.boundary.WorkflowTests;
import galley.concurrency.boundary.ConcurrentEditingTests;
import galley.i18n.boundary.LanguageNegotiationTests;
import galley.revisions.boundary.RevisionsTests;
import galley.similar.boundary.SimilarPostsTests;
import galley.similar.boundary.SimilarQualityTests;
import galley.testing.GalleyDeployment;
import galley.webhooks.boundary.WebhooksTests;

/**
 * One deployment for editorial work: the workflow (scheduling, archiving, previews, slug redirects),
 * concurrent editing, revisions, languages (negotiation, fallback, translation groups, collation), and
 * webhooks (deliveries to receivers in the test JVM, signatures, retries, the delivery log), and similar
 * posts (background recomputation, pins and exclusions, translations, the quality floor on a BBC slice).
 * Similar posts share this deployment rather than having their own: every deployment is a Payara start,
 * the largest share of the suite's time.
 */
class EditorialIT extends GalleyDeployment implements WorkflowTests, ConcurrentEditingTests, RevisionsTests, LanguageNegotiationTests, AccessTests,
        WebhooksTests, SimilarPostsTests, SimilarQualityTests {
}

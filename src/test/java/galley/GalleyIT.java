package galley;

import galley.apidocs.boundary.ApiDocsTests;
import galley.articles.boundary.ArticlesApiTests;
import galley.articles.boundary.WorkflowTests;
import galley.authors.boundary.AuthorsApiTests;
import galley.caching.boundary.HttpCachingTests;
import galley.concurrency.boundary.ConcurrentEditingTests;
import galley.demo.control.SeedPageImportTests;
import galley.i18n.boundary.LanguageNegotiationTests;
import galley.metrics.boundary.MetricsTests;
import galley.requests.boundary.BadInputTests;
import galley.requests.boundary.HostileInputTests;
import galley.revisions.boundary.RevisionsTests;
import galley.search.boundary.SearchTests;
import galley.security.boundary.AccessTests;
import galley.similar.boundary.SimilarPostsTests;
import galley.similar.boundary.SimilarQualityTests;
import galley.testing.GalleyDeployment;
import galley.webhooks.boundary.WebhooksTests;

/**
 * One deployment for the product's API, in each database execution. Every deployment is a Payara start, the
 * largest share of the suite's time, so the features' test interfaces share it; they do not depend on each
 * other (each works on its own uniquely named authors, tags and topics).
 *
 * <p>Content: articles, authors and tags, the seed page and the demo content, search, the platform (security
 * of every admin operation, errors, health, the API document), hostile input (body limits, strict JSON, CORS,
 * security headers, the bad-input sample), HTTP caching, the API as front ends meet it (the reference at
 * /api/docs in headless Chromium, a typed client generated from the document), and the metrics.
 *
 * <p>Editorial work: the workflow (scheduling, archiving, previews, slug redirects), concurrent editing,
 * revisions, languages (negotiation, fallback, translation groups, collation), access (sign-in, tokens, roles,
 * throttling, audit), webhooks (deliveries to receivers in the test JVM, signatures, retries, the delivery
 * log), and similar posts (background recomputation, pins and exclusions, translations, the quality floor on
 * a BBC slice).
 */
class GalleyIT extends GalleyDeployment implements PlatformTests, ArticlesApiTests, AuthorsApiTests, SeedPageImportTests, SearchTests,
        HostileInputTests, BadInputTests, HttpCachingTests, ApiDocsTests, MetricsTests,
        WorkflowTests, ConcurrentEditingTests, RevisionsTests, LanguageNegotiationTests, AccessTests, WebhooksTests,
        SimilarPostsTests, SimilarQualityTests {
}

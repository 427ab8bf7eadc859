package galley;

import galley.apidocs.boundary.ApiDocsTests;
import galley.caching.boundary.HttpCachingTests;

import galley.requests.boundary.BadInputTests;

import galley.articles.boundary.ArticlesApiTests;
import galley.authors.boundary.AuthorsApiTests;
import galley.demo.control.SeedPageImportTests;
import galley.metrics.boundary.MetricsTests;
import galley.requests.boundary.HostileInputTests;
import galley.search.boundary.SearchTests;
import galley.testing.GalleyDeployment;

/**
 * One deployment for the content APIs: articles, authors and tags, the seed page and the demo content,
 * search, the platform (security of every admin operation, errors, health, the API document), hostile
 * input (body limits, strict JSON, CORS, security headers), the API as front ends meet it (the reference at
 * /api/docs in headless Chromium, a typed client generated from the document), and the metrics.
 */
class ContentIT extends GalleyDeployment implements PlatformTests, ArticlesApiTests, AuthorsApiTests, SeedPageImportTests, SearchTests,
        HostileInputTests, BadInputTests, HttpCachingTests, ApiDocsTests, MetricsTests {
}

package galley;

import galley.security.boundary.AccessTests;

import galley.articles.boundary.WorkflowTests;
import galley.concurrency.boundary.ConcurrentEditingTests;
import galley.i18n.boundary.LanguageNegotiationTests;
import galley.revisions.boundary.RevisionsTests;
import galley.testing.GalleyDeployment;

/**
 * One deployment for editorial work: the workflow (scheduling, archiving, previews, slug redirects),
 * concurrent editing, revisions, and languages (negotiation, fallback, translation groups, collation).
 */
class EditorialIT extends GalleyDeployment implements WorkflowTests, ConcurrentEditingTests, RevisionsTests, LanguageNegotiationTests, AccessTests {
}

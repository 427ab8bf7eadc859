package galley;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Galley's HTTP API under {@code /api}: the public read API for front ends (anonymous, published content
 * only) and the admin API under {@code /api/admin} for editors. A host application that embeds Galley's
 * module jar chooses another path with a {@code servlet-mapping} of this class's name in its {@code web.xml}
 * (Jakarta REST: it overrides the annotation).
 */
@ApplicationPath("api")
@DeclareRoles({"admin", "editor", "author", "read-drafts", "write-content"})
@OpenAPIDefinition(
        info = @Info(title = "Galley", version = "0.1.0",
                description = "A headless CMS for publications: articles in several languages with references and "
                        + "translations, authors, tags. The public API serves published content to front ends; the "
                        + "admin API lets editors change it. Errors are RFC 9457 problem details (application/problem+json). "
                        + "A query parameter sent empty (?tag=) is the same as one left out. Public reads carry a strong ETag and "
                        + "Cache-Control: revalidate with If-None-Match. Admin changes need If-Match with the ETag of the version "
                        + "they are based on.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
                @Tag(name = "Articles", description = "Published articles."),
                @Tag(name = "Authors", description = "Author profiles and their articles."),
                @Tag(name = "Tags", description = "Tags of published articles."),
                @Tag(name = "Articles (admin)", description = "Editing and publishing articles."),
                @Tag(name = "Authors (admin)", description = "Editing authors."),
                @Tag(name = "Tags (admin)", description = "Managing tags."),
                @Tag(name = "Similar posts", description = "The \"Similar Posts\" block of an article."),
                @Tag(name = "Search", description = "Full-text search of published articles."),
                @Tag(name = "Similar posts (admin)", description = "Pinning, excluding and recomputing similar posts."),
                @Tag(name = "Users (admin)", description = "Managing who may sign in."),
                @Tag(name = "API tokens (admin)", description = "Tokens for machines: build servers, static-site generators."),
                @Tag(name = "Audit log (admin)", description = "Who did what, when, from where."),
                @Tag(name = "Sign-in", description = "Bearer tokens for the admin API.")
        })
@SecurityScheme(securitySchemeName = "bearerJwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A sign-in token from POST /api/auth/token (RS256, MicroProfile JWT claims; roles in groups).")
@SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "galley_...",
        description = "An API token made by an admin (scope read-drafts or write-content), sent as a bearer token.")
@SecurityScheme(securitySchemeName = "webhookSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Galley-Signature-256",
        description = "How webhook receivers know a delivery comes from Galley: sha256= and the hex HMAC-SHA256 of the exact body "
                + "bytes, keyed with the endpoint's secret (shown once, when the endpoint is created).")
public class GalleyApplication extends Application {

    /**
     * Galley's resources and providers, listed: an application that returns none gets every resource and
     * provider of the WAR (Jakarta REST 2.3.2), so in a host application Galley's API would serve the host's
     * resources, and its filters and exception mappers would judge them. GalleyApplicationTest checks that
     * the list is complete.
     */
    static final Set<Class<?>> CLASSES = Set.of(
            galley.articles.boundary.AdminArticleRevisionsResource.class,
            galley.articles.boundary.AdminArticlesResource.class,
            galley.articles.boundary.ArticlesResource.class,
            galley.articles.boundary.AuthorArticlesResource.class,
            galley.articles.boundary.PreviewResource.class,
            galley.audit.boundary.AuditRecorder.class,
            galley.audit.boundary.AuditResource.class,
            galley.authors.boundary.AdminAuthorRevisionsResource.class,
            galley.authors.boundary.AdminAuthorsResource.class,
            galley.authors.boundary.AuthorsResource.class,
            galley.caching.boundary.PublicCaching.class,
            galley.caching.boundary.PublicResponseCache.class,
            galley.concurrency.boundary.ETagHeader.class,
            galley.configuration.boundary.JsonBinding.class,
            galley.diagnostics.boundary.StatementCountHeader.class,
            galley.errors.boundary.ConstraintViolationMapper.class,
            galley.errors.boundary.GalleyExceptionMapper.class,
            galley.errors.boundary.ServerErrorMapper.class,
            galley.errors.boundary.WebApplicationExceptionMapper.class,
            galley.i18n.boundary.VaryOnLanguage.class,
            galley.metrics.boundary.OperationNames.class,
            galley.requests.boundary.CrossOrigin.class,
            galley.requests.boundary.JsonBodies.class,
            galley.requests.boundary.QueryParameters.class,
            galley.search.boundary.SearchResource.class,
            galley.security.boundary.AdminAccessFilter.class,
            galley.security.boundary.ApiTokensResource.class,
            galley.security.boundary.TokenResource.class,
            galley.security.boundary.UsersResource.class,
            galley.similar.boundary.AdminRecomputeResource.class,
            galley.similar.boundary.AdminSimilarResource.class,
            galley.similar.boundary.SimilarPostsResource.class,
            galley.tags.boundary.AdminTagsResource.class,
            galley.tags.boundary.TagsResource.class,
            galley.webhooks.boundary.WebhooksResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        return CLASSES;
    }
}

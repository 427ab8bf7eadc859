package galley.apidocs.boundary;

import galley.articles.boundary.AdminArticlePage;
import galley.articles.boundary.AdminArticleView;
import galley.articles.boundary.ScheduleInput;
import galley.articles.boundary.ArticleInput;
import galley.articles.boundary.ArticlePage;
import galley.articles.boundary.ImportInput;
import galley.articles.boundary.ImportResult;
import galley.articles.boundary.ArticleView;
import galley.articles.boundary.TranslationOfInput;
import galley.authors.boundary.AdminAuthorPage;
import galley.authors.boundary.AdminAuthorView;
import galley.authors.boundary.AuthorInput;
import galley.authors.boundary.AuthorPage;
import galley.authors.boundary.AuthorView;
import galley.errors.boundary.Problem;
import galley.module.control.Mount;
import galley.search.boundary.SearchPage;
import galley.security.boundary.UserInput;
import galley.security.boundary.UserList;
import galley.security.boundary.UserView;
import galley.similar.boundary.RecomputeInput;
import galley.similar.boundary.RecomputeJobView;
import galley.similar.boundary.RecomputedView;
import galley.similar.boundary.SimilarEditInput;
import galley.similar.boundary.SimilarEditorialView;
import galley.similar.boundary.SimilarPostList;
import galley.tags.boundary.TagCountView;
import galley.tags.boundary.TagInput;
import galley.tags.boundary.TagList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Shapes the generated OpenAPI document into one front-end developers can rely on. The generator's
 * schemas are replaced by schemas made from the API records ({@link RecordSchemas}), which the resources
 * reference by name; every operation gets the problem+json errors it can give (one shared Problem schema), admin
 * operations their security requirement, lists their paging headers; the generator's noise (zero
 * limits, false flags, duplicate tags) goes. Registered with {@code mp.openapi.filter}.
 * <p>
 * In a host application (Galley's module jar, see {@link Mount}) only Galley's operations are shaped, the
 * host's schemas are kept beside Galley's, and Galley's paths move to where the host put the API: the
 * generator places them by {@code @ApplicationPath} and does not see the host's {@code servlet-mapping}.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    /** The records requests and responses are made of; records they refer to are found from these. */
    static final List<Class<?>> API_RECORDS = List.of(
            ArticlePage.class, ArticleView.class, ArticleInput.class, AdminArticleView.class, AdminArticlePage.class,
            TranslationOfInput.class, AuthorPage.class, AuthorView.class, AuthorInput.class, AdminAuthorView.class, AdminAuthorPage.class,
            TagList.class, TagCountView.class, TagInput.class, UserList.class, UserInput.class, UserView.class, Problem.class,
            SimilarPostList.class, SimilarEditorialView.class, SimilarEditInput.class, RecomputeInput.class,
            RecomputeJobView.class, RecomputedView.class, SearchPage.class, ImportInput.class, ImportResult.class,
            ScheduleInput.class, galley.articles.boundary.PreviewLinkInput.class, galley.articles.boundary.PreviewLinkView.class,
            galley.revisions.boundary.RevisionPage.class, galley.revisions.boundary.RevisionDiffView.class,
            galley.articles.boundary.ArticleRevisionView.class, galley.authors.boundary.AuthorRevisionView.class,
            galley.security.boundary.TokenRequest.class, galley.security.boundary.TokenResponse.class,
            galley.security.boundary.ApiTokenInput.class, galley.security.boundary.ApiTokenList.class,
            galley.security.boundary.CreatedApiTokenView.class, galley.audit.boundary.AuditPage.class,
            galley.webhooks.boundary.WebhookInput.class, galley.webhooks.boundary.WebhookList.class,
            galley.webhooks.boundary.CreatedWebhookView.class, galley.webhooks.boundary.WebhookDeliveryPage.class,
            galley.webhooks.boundary.ArticleEvent.class, galley.webhooks.boundary.AuthorEvent.class,
            galley.webhooks.boundary.PingEvent.class);

    private static final AdminAccessRules ACCESS = new AdminAccessRules();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RecordSchemas records = new RecordSchemas();
        API_RECORDS.forEach(records::add);
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        Mount mount = Mount.current();
        if (mount.module() && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = new LinkedHashMap<>(openAPI.getComponents().getSchemas());
            schemas.putAll(records.schemas());
            openAPI.getComponents().setSchemas(schemas);
        } else {
            openAPI.getComponents().setSchemas(new LinkedHashMap<>(records.schemas()));
        }

        dedupeTags(openAPI);
        dropServerSpecificFields(openAPI);
        if (ConfigProvider.getConfig().getOptionalValue("mp.openapi.servers", String.class).isEmpty()) {
            // Relative: the document describes the server that serves it, behind whatever proxy or name.
            openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                    .description("This Galley: the server that served this document. Set mp.openapi.servers to name public URLs."))));
        }
        WebhookCallbacks.addTo(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null || (mount.module() && !isGalleys(path))) return;
            operations.forEach((method, operation) -> {
                cleanOperation(operation);
                completeOperation(openAPI, path, method, operation);
            });
        });
        if (mount.module()) relocate(openAPI, mount);
    }

    /** Whether a path of the generated document is one of Galley's (placed under its {@code @ApplicationPath}). */
    static boolean isGalleys(String path) {
        return path.equals(Mount.CANONICAL) || path.startsWith(Mount.CANONICAL + "/");
    }

    /**
     * The paths as clients of this deployment send them, to go with the server "/": Galley's
     * {@code /api/articles} becomes {@code /host/cms/api/articles}, the host's own get its context root.
     */
    private static void relocate(OpenAPI openAPI, Mount mount) {
        Map<String, PathItem> moved = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                moved.put(isGalleys(path) ? mount.published(path) : mount.contextPath() + path, item));
        openAPI.getPaths().setPathItems(moved);
    }

    /** Resources reference the record schemas by name ({@code @Schema(ref = ...)}); parameters need cleaning. */
    private static void cleanOperation(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> {
                if (p.getSchema() != null) p.setSchema(clean(p.getSchema()));
                if (p.getSchema() != null && p.getSchema().getType() == Schema.SchemaType.OBJECT && p.getSchema().getRef() == null) {
                    // The generator calls java.util.UUID an object; it is the only such parameter type here.
                    p.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid"));
                }
                if (p.getIn() == Parameter.In.PATH) p.setRequired(Boolean.TRUE); // OpenAPI: path parameters always are
                ParameterDocs.complete(p);
                if (Boolean.FALSE.equals(p.getDeprecated())) p.setDeprecated(null);
                if (Boolean.FALSE.equals(p.getAllowEmptyValue())) p.setAllowEmptyValue(null);
                if (Boolean.FALSE.equals(p.getAllowReserved())) p.setAllowReserved(null);
            });
        }
    }

    /** Drops the generator's default values, which would otherwise read as constraints (maxProperties: 0). */
    static Schema clean(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMinLength())) schema.setMinLength(null);
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) schema.setMaxProperties(null);
        if (Integer.valueOf(0).equals(schema.getMinProperties())) schema.setMinProperties(null);
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) schema.setExclusiveMaximum(null);
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) schema.setExclusiveMinimum(null);
        if (Boolean.FALSE.equals(schema.getUniqueItems())) schema.setUniqueItems(null);
        if (Boolean.FALSE.equals(schema.getNullable())) schema.setNullable(null);
        if (Boolean.FALSE.equals(schema.getReadOnly())) schema.setReadOnly(null);
        if (Boolean.FALSE.equals(schema.getWriteOnly())) schema.setWriteOnly(null);
        if (Boolean.FALSE.equals(schema.getDeprecated())) schema.setDeprecated(null);
        if (schema.getType() == Schema.SchemaType.INTEGER && schema.getDefaultValue() instanceof String s) {
            schema.setDefaultValue(Long.valueOf(s));
        }
        if (schema.getItems() != null) clean(schema.getItems());
        if (schema.getProperties() != null) schema.getProperties().values().forEach(ApiDocumentFilter::clean);
        return schema;
    }

    private static void completeOperation(OpenAPI openAPI, String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean admin = path.startsWith("/api/admin");
        boolean hasBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean paged = parameters.stream().anyMatch(p -> "page".equals(p.getName()));
        boolean hasPathParam = path.contains("{");

        if (method == PathItem.HttpMethod.DELETE && !hasSuccess(responses)) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted."));
        }
        APIResponse created = responses.getAPIResponse("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeader("Location", header("The URL of the new resource.", "uri"));
        }
        APIResponse moved = responses.getAPIResponse("301");
        if (moved != null && (moved.getHeaders() == null || !moved.getHeaders().containsKey("Location"))) {
            moved.addHeader("Location", header("Where the resource is now.", "uri"));
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (paged && ok != null) {
            ok.addHeader("Link", header("RFC 8288 links to the first, prev, next and last pages.", null));
            ok.addHeader("X-Total-Count", OASFactory.createHeader().description("Items in the whole list.")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64")));
        }

        if (!parameters.isEmpty() || hasBody) problem(responses, "400", "The request is malformed: unreadable JSON (also not UTF-8, or nested too deeply), an unknown field, a value of the wrong type or a bad parameter.");
        if (admin) {
            problem(responses, "401", "Authentication is required, or the token is invalid or expired.");
            problem(responses, "403", "The caller's role or token scope does not allow this operation.");
            AdminAccessRules.Admitted admitted = ACCESS.of(method.name(), path);
            List<SecurityRequirement> security = new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme("bearerJwt")));
            if (admitted != null && !admitted.scopes().isEmpty()) security.add(OASFactory.createSecurityRequirement().addScheme("apiToken"));
            operation.setSecurity(security);
            if (admitted != null) {
                operation.addExtension("x-galley-roles", admitted.roles());
                operation.addExtension("x-galley-token-scopes", admitted.scopes());
            }
        }
        if (method == PathItem.HttpMethod.GET && !admin && ok != null && PublicCachingDocs.cached(path)) {
            PublicCachingDocs.document(operation, ok, responses);
        }
        // A 503 that passes (the search cluster away) says when to try again; declared here, where the schema
        // comes out clean (the annotation's integer schema gets an unpaired exclusiveMaximum).
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable != null && unavailable.getDescription() != null && unavailable.getDescription().contains("Retry-After")) {
            unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again.")
                    .schema(OASFactory.createSchema().type(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)
                            .minimum(java.math.BigDecimal.ONE)));
        }
        if (method == PathItem.HttpMethod.PATCH) MergePatchDocs.document(operation, openAPI.getComponents());
        if (hasPathParam) problem(responses, "404", "Nothing exists at this path, or it is not published.");
        if (hasBody) {
            problem(responses, "413", "The body is larger than Galley accepts (1 MiB by default, 32 MiB for the import).");
            problem(responses, "415", "The request body must be of the media type this operation documents.");
            problem(responses, "422", "The input breaks a rule; each offending field is listed in errors.");
        }
        boolean conditional = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equals(p.getName()));
        if (conditional) {
            problem(responses, "412", "The If-Match version is not the current one: someone changed the resource since it was read. "
                    + "currentVersion gives the current version.");
            problem(responses, "428", "If-Match is missing: send the ETag of the version the change is based on.");
        }
        if (ok != null && (ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag")) && versioned(ok)) {
            ok.addHeader("ETag", header("The resource's version, for If-Match on the next change.", null));
        }
        if (admin && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE)) {
            problem(responses, "409", "The change conflicts with the current state (e.g. a slug already taken in that language).");
        }
        problem(responses, "406", "The Accept header asks for a media type this operation cannot produce.");
        problem(responses, "500", "An unexpected failure; the requestId leads to the server log.");
        if (!responses.hasAPIResponse("503")) {
            problem(responses, "503", "The database cannot be reached at the moment (stopped, restarting, or no connection free): "
                    + "retry after the Retry-After seconds. A change sent with If-Match cannot apply twice.");
            responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before retrying.")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")));
        }
    }

    /** Whether a response carries a versioned resource (AdminArticle, AdminAuthor): those have an ETag. */
    private static boolean versioned(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) return false;
        return response.getContent().getMediaTypes().values().stream()
                .map(m -> m.getSchema() == null ? null : m.getSchema().getRef())
                .anyMatch(ref -> ref != null && (ref.endsWith("/AdminArticle") || ref.endsWith("/AdminAuthor")));
    }

    private static boolean hasSuccess(APIResponses responses) {
        return responses.getAPIResponses() != null
                && responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
    }

    private static Header header(String description, String format) {
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        if (format != null) schema.format(format);
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static void problem(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) return;
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        responses.addAPIResponse(code, response);
    }

    /**
     * Payara 7.2025.1 adds a top-level {@code endpoints} field that OpenAPI does not allow (renamed to
     * {@code x-endpoints} upstream, payara/Payara#7891); validators reject the document with it. Other
     * servers have no such field: then this does nothing.
     */
    private static void dropServerSpecificFields(OpenAPI openAPI) {
        try {
            // Empty, not null: Payara's merge of documents needs a map; its writer leaves empty ones out.
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new LinkedHashMap<>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not Payara's model
        }
    }

    private static void dedupeTags(OpenAPI openAPI) {
        if (openAPI.getTags() == null) return;
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : openAPI.getTags()) {
            Tag seen = byName.get(tag.getName());
            if (seen == null || (seen.getDescription() == null && tag.getDescription() != null)) byName.put(tag.getName(), tag);
        }
        openAPI.setTags(new ArrayList<>(byName.values()));
    }
}

package galley.apidocs.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the generated OpenAPI document with what every operation shares, so no resource repeats it:
 * the problem+json error responses each operation can give (with one shared Problem schema), the
 * security requirement of admin operations, and a tag list without the generator's duplicates.
 * Registered with {@code mp.openapi.filter}.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ensureProblemSchema(openAPI);
        dedupeTags(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) return;
            operations.forEach((method, operation) -> completeOperation(path, method, operation));
        });
    }

    private static void completeOperation(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean admin = path.startsWith("/api/admin");
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() != null && "query".equals(p.getIn().toString()));
        boolean hasPathParam = path.contains("{");

        if (hasQuery || hasBody) problem(responses, "400", "The request is malformed: unreadable JSON, an unknown field or a bad parameter.");
        if (admin) {
            problem(responses, "401", "Authentication is required, or the credentials are wrong.");
            problem(responses, "403", "The caller's role does not allow this operation.");
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                SecurityRequirement basic = OASFactory.createSecurityRequirement().addScheme("basicAuth");
                operation.setSecurity(new ArrayList<>(List.of(basic)));
            }
        }
        if (hasPathParam) problem(responses, "404", "Nothing exists at this path, or it is not published.");
        if (hasBody) {
            problem(responses, "415", "The request body must be application/json.");
            problem(responses, "422", "The input breaks a rule; each offending field is listed in errors.");
        }
        if (admin && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE)) {
            problem(responses, "409", "The change conflicts with the current state (e.g. a slug already taken in that language).");
        }
        problem(responses, "406", "The Accept header asks for a media type this operation cannot produce.");
        problem(responses, "500", "An unexpected failure; the requestId leads to the server log.");
    }

    private static void problem(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) return;
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(code, response);
    }

    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) return;
        Schema field = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING).example("references[2].url"))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        Schema problem = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An error, as RFC 9457 problem details.")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("requestId", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(field))
                .required(List.of("type", "title", "status"));
        openAPI.getComponents().addSchema("Problem", problem);
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

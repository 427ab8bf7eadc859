package galley.apidocs.boundary;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Descriptions and examples of the parameters many operations share (ids, paging, filters), written once
 * here instead of on every resource method; a parameter documented on its method keeps its own words.
 * Examples are typed like their schema, so validators and generated clients accept them.
 */
final class ParameterDocs {

    private record Doc(String description, Object example) {
    }

    private static final Map<String, Doc> PATH = Map.of(
            "id", new Doc("The resource's id, as the admin API returns it.", "0b6f4b9e-4f3c-4c55-9a3e-8d1b2b7e4a10"),
            "jobId", new Doc("The recomputation's id, from the answer that started it.", "5f1d7c2a-93b4-4e0f-8a61-2c9e0d4b7f35"),
            "token", new Doc("The secret of a preview link, as the link to share carries it.", "C7LhVxw1TFWbL1RkgP0aBwAAAZL4k2bA.qI2x7m0Gm9fYc4lT3hJw1pZ0uXk8s5eRv6aN2bC9dE4"),
            "slug", new Doc("The URL name of the article or author (unique per language).", "caspian-ports-ferry-capacity"),
            "number", new Doc("The revision number, from the list of revisions.", 3),
            "deliveryId", new Doc("The delivery's id, from the endpoint's delivery log.", "7d2e9c41-5a3b-4f0e-8c16-2b9a4e7f1d03"));

    private static final Map<String, Doc> QUERY = Map.ofEntries(
            Map.entry("page", new Doc("The page to return, from 1.", 1)),
            Map.entry("size", new Doc("Items per page.", 20)),
            Map.entry("lang", new Doc("A BCP 47 language tag: only content in this language.", "en")),
            Map.entry("tag", new Doc("Only articles with this tag (its slug).", "central-asia")),
            Map.entry("author", new Doc("Only articles by this author (their slug).", "selin-arslan")),
            Map.entry("from", new Doc("The start of the time range, inclusive: an ISO 8601 instant or date.", "2024-01-01T00:00:00Z")),
            Map.entry("to", new Doc("The end of the time range: an ISO 8601 instant, or a date, which includes that whole day.", "2024-03-31")),
            Map.entry("sort", new Doc("The order of the list.", "newest")),
            Map.entry("status", new Doc("Only articles in this status.", "draft")),
            Map.entry("include", new Doc("Related content to embed in the answer: similar adds the similar posts.", "similar")),
            Map.entry("limit", new Doc("How many items at most.", 5)),
            Map.entry("fallback", new Doc("default adds the default-language articles that have no version in lang; none lists lang only.", "default")),
            Map.entry("q", new Doc("The words to search for.", "ferry capacity")),
            Map.entry("actor", new Doc("Only entries of this actor: a user name, or token:<name> for an API token.", "admin")));

    private ParameterDocs() {
    }

    static void complete(Parameter parameter) {
        Map<String, Doc> docs = parameter.getIn() == Parameter.In.PATH ? PATH
                : parameter.getIn() == Parameter.In.QUERY ? QUERY : Map.of();
        Doc doc = docs.get(parameter.getName());
        if (doc != null) {
            if (parameter.getDescription() == null || parameter.getDescription().isBlank()) parameter.setDescription(doc.description());
            if (parameter.getExample() == null && (parameter.getExamples() == null || parameter.getExamples().isEmpty())) {
                parameter.setExample(exampleFor(parameter.getSchema(), doc.example()));
            }
        }
        if (parameter.getExample() != null) parameter.setExample(typed(parameter.getExample(), parameter.getSchema()));
    }

    /** The catalogue's example, unless the schema's allowed values say otherwise. */
    private static Object exampleFor(Schema schema, Object example) {
        if (schema != null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()
                && !schema.getEnumeration().contains(example)) {
            return schema.getEnumeration().get(0);
        }
        return example;
    }

    /** An example written as text in an annotation, as the number its schema says it is. */
    static Object typed(Object example, Schema schema) {
        if (!(example instanceof String text) || schema == null || schema.getType() == null) return example;
        try {
            return switch (schema.getType()) {
                case INTEGER -> Long.valueOf(text);
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> Boolean.valueOf(text);
                default -> example;
            };
        } catch (NumberFormatException e) {
            return example;
        }
    }
}

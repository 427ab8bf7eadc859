package galley.apidocs.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A JSON Merge Patch (RFC 7396) body is not the input record itself: every field may be left out and null
 * removes one. For each PATCH operation whose body names an input record ({@code ArticleInput}), the
 * document gets that record's patch form ({@code ArticleInputPatch}): the same properties and limits, none
 * required, each nullable. The server checks the patched result against the whole record.
 */
final class MergePatchDocs {

    private MergePatchDocs() {
    }

    static void document(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) return;
        for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
            Schema body = media.getSchema();
            if (body == null || body.getRef() == null) continue;
            String name = body.getRef().substring(body.getRef().lastIndexOf('/') + 1);
            Schema record = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (record == null) continue;
            String patchName = name + "Patch";
            if (!components.getSchemas().containsKey(patchName)) components.addSchema(patchName, patchOf(name, record));
            media.setSchema(OASFactory.createSchema().ref(patchName));
        }
    }

    private static Schema patchOf(String name, Schema record) {
        Schema patch = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("A JSON Merge Patch (RFC 7396) of " + name + ": fields given replace the current ones, null removes an "
                        + "optional one, absent ones stay. The patched whole must be a valid " + name + ".")
                .additionalPropertiesBoolean(Boolean.FALSE);
        Map<String, Schema> properties = new LinkedHashMap<>();
        record.getProperties().forEach((property, schema) -> properties.put(property, nullable(schema)));
        patch.setProperties(properties);
        return patch;
    }

    /** The property's schema, also admitting null (a $ref cannot carry siblings in 3.0: wrapped in allOf). */
    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            // The records referred to are objects.
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .addAllOf(OASFactory.createSchema().ref(schema.getRef())).nullable(Boolean.TRUE);
        }
        Schema copy = OASFactory.createSchema()
                .type(schema.getType()).format(schema.getFormat()).description(schema.getDescription())
                .example(schema.getExample()).pattern(schema.getPattern())
                .minLength(schema.getMinLength()).maxLength(schema.getMaxLength())
                .minimum(schema.getMinimum()).maximum(schema.getMaximum())
                .minItems(schema.getMinItems()).maxItems(schema.getMaxItems()).uniqueItems(schema.getUniqueItems())
                .items(schema.getItems()).allOf(schema.getAllOf())
                .additionalPropertiesSchema(schema.getAdditionalPropertiesSchema())
                .extensions(schema.getExtensions())
                .nullable(Boolean.TRUE);
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            // OpenAPI 3.0.3: with nullable, an enum admits null only when it lists it.
            java.util.List<Object> values = new java.util.ArrayList<>(schema.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        if (schema.getAdditionalPropertiesBoolean() != null) copy.additionalPropertiesBoolean(schema.getAdditionalPropertiesBoolean());
        return copy;
    }
}

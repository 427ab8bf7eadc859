package galley.apidocs.boundary;

import galley.i18n.control.LanguageTag;
import galley.text.control.HttpUrl;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * OpenAPI schemas made from the API's records: properties in declaration order, formats for ids, times,
 * URLs and language tags, required fields, and the limits Bean Validation enforces, so the document says
 * exactly what the server accepts and returns. Descriptions and examples come from {@code @Schema} on the
 * record components.
 */
final class RecordSchemas {

    private final Map<String, Schema> schemas = new LinkedHashMap<>();

    /** Adds the schema of {@code type} and of every record it refers to; returns its name. */
    String add(Class<?> type) {
        String name = nameOf(type);
        if (schemas.containsKey(name)) return name;
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        schemas.put(name, schema);
        var info = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (info != null && !info.description().isEmpty()) schema.description(info.description());
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Schema property = schemaOf(component.getAnnotatedType(), component);
            describe(property, component);
            // The name on the wire: JSON-B's, where a component is renamed (access_token).
            var renamed = component.getAccessor().getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class);
            String wireName = renamed != null ? renamed.value() : component.getName();
            schema.addProperty(wireName, property);
            if (isRequired(component)) required.add(wireName);
        }
        if (!required.isEmpty()) schema.required(required);
        schema.additionalPropertiesBoolean(Boolean.FALSE);
        return name;
    }

    Map<String, Schema> schemas() {
        return schemas;
    }

    static String nameOf(Class<?> type) {
        var info = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return info != null && !info.name().isEmpty() ? info.name() : type.getSimpleName();
    }

    private Schema schemaOf(AnnotatedType annotated, AnnotatedElement element) {
        Class<?> raw = rawClass(annotated);
        Schema schema;
        if (raw == String.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.STRING);
            if (has(element, annotated, HttpUrl.class)) schema.format("uri");
            if (has(element, annotated, LanguageTag.class)) {
                schema.format("bcp47");
                schema.pattern("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$");
            }
        } else if (raw == int.class || raw == Integer.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        } else if (raw == long.class || raw == Long.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        } else if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        } else if (raw == UUID.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid");
        } else if (raw == Instant.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        } else if (raw == java.net.URI.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri");
        } else if (raw == LocalDate.class) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        } else if (Collection.class.isAssignableFrom(raw)) {
            AnnotatedType item = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            schema = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schemaOf(item, null));
            if (java.util.Set.class.isAssignableFrom(raw)) schema.uniqueItems(Boolean.TRUE);
        } else if (Map.class.isAssignableFrom(raw)) {
            AnnotatedType value = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[1];
            schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesSchema(schemaOf(value, null));
        } else if (jakarta.json.JsonValue.class.isAssignableFrom(raw)) {
            // Any JSON value: a field's value in a revision comparison.
            return OASFactory.createSchema();
        } else if (raw.isRecord()) {
            return OASFactory.createSchema().ref(add(raw));
        } else if (raw.isEnum()) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.STRING);
            for (Object constant : raw.getEnumConstants()) schema.addEnumeration(constant.toString());
        } else {
            throw new IllegalArgumentException("No schema mapping for " + raw + " in an API record");
        }
        constrain(schema, annotated, element);
        return schema;
    }

    /** Bean Validation limits on the type use (list elements) or on the component itself. */
    private static void constrain(Schema schema, AnnotatedType annotated, AnnotatedElement element) {
        Size size = find(element, annotated, Size.class);
        boolean array = schema.getType() == Schema.SchemaType.ARRAY;
        boolean object = schema.getType() == Schema.SchemaType.OBJECT;
        if (size != null) {
            if (array) {
                if (size.min() > 0) schema.minItems(size.min());
                if (size.max() < Integer.MAX_VALUE) schema.maxItems(size.max());
            } else if (object) {
                if (size.min() > 0) schema.minProperties(size.min());
                if (size.max() < Integer.MAX_VALUE) schema.maxProperties(size.max());
            } else {
                if (size.min() > 0) schema.minLength(size.min());
                if (size.max() < Integer.MAX_VALUE) schema.maxLength(size.max());
            }
        }
        if (find(element, annotated, NotBlank.class) != null && schema.getMinLength() == null) schema.minLength(1);
        if (find(element, annotated, NotEmpty.class) != null && array && schema.getMinItems() == null) schema.minItems(1);
        Pattern pattern = find(element, annotated, Pattern.class);
        if (pattern != null && pattern.regexp().contains("\\p{")) {
            // Unicode classes need ECMA 262's u flag, which OpenAPI 3.0's pattern does not promise: tools
            // without it would read \p as a plain p and refuse good values. The rule goes in an extension.
            schema.addExtension("x-galley-unicode-pattern", pattern.regexp());
        } else if (pattern != null) {
            schema.pattern(pattern.regexp());
        }
        Min min = find(element, annotated, Min.class);
        if (min != null) schema.minimum(BigDecimal.valueOf(min.value()));
        Max max = find(element, annotated, Max.class);
        if (max != null) schema.maximum(BigDecimal.valueOf(max.value()));
    }

    private static void describe(Schema property, RecordComponent component) {
        var info = schemaAnnotation(component);
        if (info == null) return;
        if (property.getRef() != null && (!info.description().isEmpty() || !info.example().isEmpty())) {
            // A $ref cannot have siblings in OpenAPI 3.0: describe an allOf of it instead.
            String ref = property.getRef();
            property.setRef(null);
            property.addAllOf(OASFactory.createSchema().ref(ref));
        }
        if (!info.description().isEmpty()) property.description(info.description());
        if (!info.example().isEmpty()) property.example(exampleValue(info.example(), property));
        if (!info.format().isEmpty()) property.format(info.format());
        for (String e : info.enumeration()) property.addEnumeration(e);
    }

    /** {@code @Schema} on a record component lands on its field and accessor, not on the component. */
    private static org.eclipse.microprofile.openapi.annotations.media.Schema schemaAnnotation(RecordComponent component) {
        var type = org.eclipse.microprofile.openapi.annotations.media.Schema.class;
        var info = component.getAccessor().getAnnotation(type);
        if (info != null) return info;
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Object exampleValue(String example, Schema schema) {
        Object typed = ParameterDocs.typed(example, schema);
        if (typed != example) return typed;
        if (schema.getType() == Schema.SchemaType.ARRAY && example.startsWith("[")) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(example))) {
                return reader.readArray().stream().map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()).toList();
            }
        }
        return example;
    }

    private static boolean isRequired(RecordComponent component) {
        var info = schemaAnnotation(component);
        if (info != null && info.required()) return true;
        // Answers always carry primitives; in input a missing one is its default (false, 0).
        if (component.getType().isPrimitive()) return !isInput(component.getDeclaringRecord());
        AnnotatedType type = component.getAnnotatedType();
        return type.isAnnotationPresent(NotNull.class) || type.isAnnotationPresent(NotBlank.class)
                || type.isAnnotationPresent(NotEmpty.class);
    }

    private static boolean isInput(Class<?> record) {
        return record.getSimpleName().endsWith("Input") || record.getSimpleName().endsWith("Request");
    }

    private static Class<?> rawClass(AnnotatedType annotated) {
        var type = annotated.getType();
        if (type instanceof Class<?> c) return c;
        if (type instanceof java.lang.reflect.ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("Unsupported type " + type);
    }

    private static boolean has(AnnotatedElement element, AnnotatedType type, Class<? extends java.lang.annotation.Annotation> annotation) {
        return find(element, type, annotation) != null;
    }

    private static <A extends java.lang.annotation.Annotation> A find(AnnotatedElement element, AnnotatedType type, Class<A> annotation) {
        A onType = type.getAnnotation(annotation);
        if (onType != null) return onType;
        return element == null ? null : element.getAnnotation(annotation);
    }
}

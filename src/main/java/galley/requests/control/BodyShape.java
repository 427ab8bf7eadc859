package galley.requests.control;

import galley.errors.control.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the field of a JSON body that does not fit the record it is bound to: an unknown name or a value
 * of the wrong type, named by its JSON path ({@code references[2].accessedOn}). JSON-B's own errors do not
 * say which field they met, so a refused body is compared with the record's components here; only after
 * binding failed, never on the way of a good request.
 */
public final class BodyShape {

    private BodyShape() {
    }

    /** The first field of {@code json}, in document order, that {@code type} cannot take. */
    public static Optional<FieldError> mismatch(JsonValue json, Type type) {
        return Optional.ofNullable(find(json, type, ""));
    }

    private static FieldError find(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) return null;
        String name = path.isEmpty() ? "body" : path;
        JsonValue.ValueType kind = value.getValueType();
        if (kind == JsonValue.ValueType.NULL) return raw.isPrimitive() ? new FieldError(name, name + " must not be null") : null;
        // As the API's schema says, not as leniently as JSON-B binds: 12 is no string, "true" no boolean.
        if (raw == String.class) {
            return kind == JsonValue.ValueType.STRING ? null : new FieldError(name, name + " must be a string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            boolean ok = kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE;
            return ok ? null : new FieldError(name, name + " must be true or false");
        }
        if (isWholeNumber(raw)) return wholeNumber(value, raw, name);
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || Number.class.isAssignableFrom(raw)) {
            return number(value) != null ? null : new FieldError(name, name + " must be a number");
        }
        if (raw == UUID.class) return parses(value, UUID::fromString) ? null : new FieldError(name, name + " must be a UUID");
        if (raw == Instant.class) {
            return parses(value, Instant::parse) ? null
                    : new FieldError(name, name + " must be an instant such as 2026-12-01T08:00:00Z");
        }
        if (raw == LocalDate.class) {
            return parses(value, LocalDate::parse) ? null : new FieldError(name, name + " must be a date such as 2022-09-30");
        }
        if (raw.isEnum()) {
            boolean ok = kind == JsonValue.ValueType.STRING && Arrays.stream(raw.getEnumConstants())
                    .anyMatch(c -> ((Enum<?>) c).name().equals(((JsonString) value).getString()));
            return ok ? null : new FieldError(name, name + " must be one of "
                    + Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!(value instanceof JsonArray array)) return new FieldError(name, name + " must be an array");
            Type element = raw.isArray() ? componentOf(type, raw) : argument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                FieldError error = find(array.get(i), element, path + "[" + i + "]");
                if (error != null) return error;
            }
            return null;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) return new FieldError(name, name + " must be an object");
            Type element = argument(type, 1);
            for (var entry : object.entrySet()) {
                FieldError error = find(entry.getValue(), element, path + "[" + entry.getKey() + "]");
                if (error != null) return error;
            }
            return null;
        }
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) return new FieldError(name, name + " must be an object");
            for (var entry : object.entrySet()) {
                String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                RecordComponent component = Arrays.stream(raw.getRecordComponents())
                        .filter(c -> c.getName().equals(entry.getKey())).findFirst().orElse(null);
                if (component == null) return new FieldError(field, field + " is not a known field");
                FieldError error = find(entry.getValue(), component.getGenericType(), field);
                if (error != null) return error;
            }
        }
        return null;
    }

    private static boolean isWholeNumber(Class<?> raw) {
        return raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
                || raw == BigInteger.class;
    }

    private static FieldError wholeNumber(JsonValue value, Class<?> raw, String name) {
        java.math.BigDecimal n = number(value);
        BigInteger whole;
        try {
            whole = n == null ? null : n.toBigIntegerExact();
        } catch (ArithmeticException e) {
            whole = null;
        }
        if (whole == null) return new FieldError(name, name + " must be a whole number");
        long min;
        long max;
        if (raw == int.class || raw == Integer.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (raw == short.class || raw == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (raw == byte.class || raw == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else if (raw == BigInteger.class) {
            return null;
        } else {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        }
        boolean inRange = whole.compareTo(BigInteger.valueOf(min)) >= 0 && whole.compareTo(BigInteger.valueOf(max)) <= 0;
        return inRange ? null : new FieldError(name, name + " must be a whole number between " + min + " and " + max);
    }

    /** A JSON number; a string holding one is not (JSON-B would take it, the schema does not). */
    private static java.math.BigDecimal number(JsonValue value) {
        return value instanceof JsonNumber n ? n.bigDecimalValue() : null;
    }

    private static boolean parses(JsonValue value, java.util.function.Function<String, ?> parser) {
        if (!(value instanceof JsonString s)) return false;
        try {
            parser.apply(s.getString());
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return raw(p.getRawType());
        if (type instanceof GenericArrayType a) {
            Class<?> component = raw(a.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType w) return w.getUpperBounds().length == 1 ? raw(w.getUpperBounds()[0]) : null;
        return null;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type componentOf(Type type, Class<?> raw) {
        return type instanceof GenericArrayType a ? a.getGenericComponentType() : raw.getComponentType();
    }
}

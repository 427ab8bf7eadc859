package galley.concurrency.boundary;

import galley.configuration.boundary.JsonBinding;
import galley.errors.control.FieldError;
import galley.errors.control.InvalidInput;
import galley.errors.control.InvalidRequest;
import galley.requests.control.BodyShape;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396) over an input record: the current state as the record, the patch merged
 * into its JSON, the result bound and validated like a full PUT body.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    public static <T> T apply(T current, String patch, Class<T> type, Validator validator) {
        JsonObject changes = parse(patch);
        Jsonb jsonb = JsonBinding.shared();
        JsonValue target;
        try (JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(current)))) {
            target = reader.readValue();
        }
        JsonValue patched = Json.createMergePatch(changes).apply(target);
        // Bound as the schema says, not as leniently as JSON-B would (12 is no slug).
        var mismatch = BodyShape.mismatch(patched, type);
        if (mismatch.isPresent()) throw new InvalidRequest(mismatch.get().field(), mismatch.get().message());
        T result;
        try {
            result = jsonb.fromJson(patched.toString(), type);
        } catch (JsonbException e) {
            // JSON-B does not say which field it met: find the one the record cannot take.
            var field = BodyShape.mismatch(patched, type);
            if (field.isPresent()) throw new InvalidRequest(field.get().field(), field.get().message());
            throw new InvalidRequest(null, "The patched document is not a valid " + type.getSimpleName() + ": " + firstLine(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field)).toList();
            throw new InvalidInput(errors);
        }
        return result;
    }

    private static JsonObject parse(String patch) {
        if (patch == null || patch.isBlank()) throw new InvalidRequest(null, "The merge patch is empty");
        try (JsonReader reader = Json.createReader(new StringReader(patch))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new InvalidRequest(null, "A merge patch of a whole resource must be a JSON object");
            }
            return object;
        } catch (JsonException e) {
            throw new InvalidRequest(null, "The merge patch is not valid JSON: " + firstLine(e));
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

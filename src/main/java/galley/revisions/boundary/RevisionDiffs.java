package galley.revisions.boundary;

import galley.configuration.boundary.JsonBinding;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two states of an item field by field, as the API writes them: the fields are those of the
 * item's input record, so a front end can show the change and a PUT of the "before" values undoes it.
 */
public final class RevisionDiffs {

    private RevisionDiffs() {
    }

    /**
     * The fields that differ between {@code before} and {@code after}, two revision views of the same
     * type: their top-level fields except {@code revision}, with the members of the {@code content} field
     * (the item's input record) compared one by one under their own names.
     */
    public static RevisionDiffView between(RevisionView from, Object before, RevisionView to, Object after, String content) {
        return new RevisionDiffView(from, to, between(flatten(asJson(before), content), flatten(asJson(after), content)));
    }

    private static JsonObject flatten(JsonObject view, String content) {
        var flat = Json.createObjectBuilder();
        view.forEach((name, value) -> {
            if (name.equals("revision")) return;
            if (name.equals(content) && value instanceof JsonObject members) members.forEach(flat::add);
            else flat.add(name, value);
        });
        return flat.build();
    }

    static List<FieldChangeView> between(JsonObject a, JsonObject b) {
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        List<FieldChangeView> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue x = a.get(field);
            JsonValue y = b.get(field);
            if (x == null ? y != null : !x.equals(y)) changes.add(new FieldChangeView(field, x, y));
        }
        return changes;
    }

    private static JsonObject asJson(Object value) {
        try (var reader = Json.createReader(new StringReader(JsonBinding.shared().toJson(value)))) {
            return reader.readObject();
        }
    }
}

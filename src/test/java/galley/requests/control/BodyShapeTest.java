package galley.requests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import galley.errors.control.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BodyShapeTest {

    enum Kind { NEWS, OPINION }

    record Ref(Integer number, String title, LocalDate accessedOn) {
    }

    record Doc(String title, boolean publish, int count, Long big, UUID id, Instant at, Kind kind, List<Ref> refs,
               Map<String, Ref> byLanguage, Set<String> tags, List<UUID> authors) {
    }

    private static Optional<FieldError> mismatch(String json) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return BodyShape.mismatch(value, Doc.class);
    }

    private static String field(String json) {
        return mismatch(json).map(FieldError::field).orElse(null);
    }

    @Test
    void aFittingBodyHasNoMismatch() {
        assertEquals(Optional.empty(), mismatch("{\"title\":\"T\",\"publish\":true,\"count\":3,\"big\":12,\"id\":\""
                + UUID.randomUUID() + "\",\"at\":\"2026-12-01T08:00:00Z\",\"kind\":\"NEWS\",\"refs\":[{\"number\":1,"
                + "\"accessedOn\":\"2022-09-30\"}],\"byLanguage\":{\"en\":{\"title\":\"x\"}},\"tags\":[\"a\"],\"authors\":[],\"title\":null}"));
    }

    @Test
    void unknownFieldsAreNamedByTheirPath() {
        assertEquals("titel", field("{\"titel\":\"T\"}"));
        assertEquals("refs[1].url", field("{\"refs\":[{\"number\":1},{\"url\":\"x\"}]}"));
        assertEquals("byLanguage[tr].bio", field("{\"byLanguage\":{\"tr\":{\"bio\":\"x\"}}}"));
        assertEquals("titel is not a known field", mismatch("{\"titel\":\"T\"}").orElseThrow().message());
    }

    @Test
    void wronglyTypedFieldsAreNamedWithWhatTheyMustBe() {
        assertEquals("title", field("{\"title\":{\"a\":1}}"));
        assertEquals("title", field("{\"title\":12}"));
        assertEquals("publish", field("{\"publish\":\"true\"}"));
        assertEquals("count", field("{\"count\":\"3\"}"));
        assertEquals("publish", field("{\"publish\":\"yes\"}"));
        assertEquals("publish", field("{\"publish\":null}"));
        assertEquals("count", field("{\"count\":1.5}"));
        assertEquals("count", field("{\"count\":3000000000}"));
        assertEquals("id", field("{\"id\":\"not-a-uuid\"}"));
        assertEquals("at", field("{\"at\":\"yesterday\"}"));
        assertEquals("kind", field("{\"kind\":\"news\"}"));
        assertEquals("refs", field("{\"refs\":{\"number\":1}}"));
        assertEquals("refs[0].accessedOn", field("{\"refs\":[{\"accessedOn\":\"30.09.2022\"}]}"));
        assertEquals("authors[0]", field("{\"authors\":[42]}"));
        assertEquals("body", BodyShape.mismatch(Json.createArrayBuilder().build(), Doc.class).orElseThrow().field());
        assertEquals("at must be an instant such as 2026-12-01T08:00:00Z", mismatch("{\"at\":1}").orElseThrow().message());
    }
}

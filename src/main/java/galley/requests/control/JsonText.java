package galley.requests.control;

import galley.errors.control.InvalidRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * A JSON request body made safe to bind: strictly UTF-8, nested no deeper than a limit, and every string
 * and object key in Unicode NFC, so that "Café" typed on two keyboards is stored, searched and compared as
 * one string. Ordinary bodies (ASCII, or already NFC without escapes) are checked in one pass and handed
 * on unchanged; only the others are parsed and written again.
 */
public final class JsonText {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    /** What one pass over the bytes found. */
    record Scan(int depth, boolean ascii, boolean unicodeEscapes) {
    }

    /**
     * The body to bind: {@code body} itself when nothing needs changing, else its NFC form.
     *
     * @throws InvalidRequest when it is not UTF-8, nests deeper than {@code maxDepth}, or is not JSON
     */
    public static byte[] prepare(byte[] body, int maxDepth) {
        Scan scan = scan(body, maxDepth);
        if (scan.ascii() && !scan.unicodeEscapes()) return body;
        String text = decodeUtf8(body);
        if (!scan.unicodeEscapes() && Normalizer.isNormalized(text, Normalizer.Form.NFC)) return body;
        JsonValue value = parse(text);
        JsonValue normalised = normalise(value);
        return normalised == value ? body : normalised.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Nesting depth (an object or array is one level), whether every byte is ASCII and whether a
     * {@code \}{@code u} escape occurs in a string; without recursion, so a hostile body cannot exhaust the
     * stack. Works on the bytes: UTF-8 multi-byte sequences never contain ASCII bytes.
     *
     * @throws InvalidRequest as soon as the depth passes {@code maxDepth}
     */
    static Scan scan(byte[] body, int maxDepth) {
        int depth = 0;
        int deepest = 0;
        boolean ascii = true;
        boolean escapes = false;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b < 0) {
                ascii = false;
                continue;
            }
            if (inString) {
                if (b == '\\') {
                    if (i + 1 < body.length && body[i + 1] == 'u') escapes = true;
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > maxDepth) {
                        throw new InvalidRequest(null, "The JSON body is nested deeper than " + maxDepth + " levels");
                    }
                    deepest = Math.max(deepest, depth);
                }
                case '}', ']' -> depth--;
                default -> {
                }
            }
        }
        return new Scan(deepest, ascii, escapes);
    }

    /**
     * The body as text; malformed UTF-8 (stray continuation bytes, overlong forms, encoded surrogates,
     * a truncated sequence) is refused rather than replaced, so that nothing is stored that the client
     * did not send.
     */
    static String decodeUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            throw new InvalidRequest(null, "The request body is not valid UTF-8 (at byte " + in.position() + ")");
        }
        return out.flip().toString();
    }

    /** The JSON value of {@code text}; a syntax error is the caller's, with its position. */
    public static JsonValue parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidRequest(null, at == null ? "The request body is not valid JSON"
                    : "The request body is not valid JSON: syntax error at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (jakarta.json.JsonException e) {
            throw new InvalidRequest(null, "The request body is not valid JSON");
        }
    }

    /** {@link #parse(String)} of UTF-8 bytes. */
    public static JsonValue parse(byte[] body) {
        return parse(decodeUtf8(body));
    }

    /**
     * {@code value} with every string and key in NFC; the same instance when nothing changed. Recursive,
     * but only on bodies whose depth {@link #scan} has bounded.
     */
    static JsonValue normalise(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> {
                String s = ((JsonString) value).getString();
                String n = nfc(s, null);
                yield n.equals(s) ? value : JSON.createValue(n);
            }
            case OBJECT -> normaliseObject((JsonObject) value);
            case ARRAY -> normaliseArray((JsonArray) value);
            default -> value;
        };
    }

    private static JsonValue normaliseObject(JsonObject object) {
        boolean changed = false;
        Set<String> keys = new HashSet<>();
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        for (var entry : object.entrySet()) {
            String key = nfc(entry.getKey(), entry.getKey());
            if (!keys.add(key)) {
                throw new InvalidRequest(key, "The field " + key + " occurs twice once its name is in Unicode normal form (NFC)");
            }
            JsonValue v = normalise(entry.getValue());
            changed |= !key.equals(entry.getKey()) || v != entry.getValue();
            builder.add(key, v);
        }
        return changed ? builder.build() : object;
    }

    private static JsonValue normaliseArray(JsonArray array) {
        boolean changed = false;
        JsonArrayBuilder builder = JSON.createArrayBuilder();
        for (JsonValue item : array) {
            JsonValue v = normalise(item);
            changed |= v != item;
            builder.add(v);
        }
        return changed ? builder.build() : array;
    }

    /** NFC of one string; an unpaired surrogate (only possible through a {@code \}{@code u} escape) is refused. */
    private static String nfc(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequest(field, "The request body has a \\u escape of an unpaired UTF-16 surrogate, which is not text");
            }
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}

package galley.requests.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.errors.control.InvalidRequest;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject prepared(String json) {
        return JsonText.parse(new String(JsonText.prepare(utf8(json), 32), StandardCharsets.UTF_8)).asJsonObject();
    }

    @Test
    void depthIsCountedWithoutRecursionAndStopsAtTheLimit() {
        assertEquals(32, JsonText.scan(utf8("[".repeat(32) + "]".repeat(32)), 32).depth());
        InvalidRequest deep = assertThrows(InvalidRequest.class, () -> JsonText.scan(utf8("[".repeat(33) + "]".repeat(33)), 32));
        assertTrue(deep.getMessage().contains("32"), deep.getMessage());
        // A million open brackets fail at the 33rd, with no stack to exhaust.
        assertThrows(InvalidRequest.class, () -> JsonText.scan(utf8("{\"a\":".repeat(1_000_000)), 32));
        assertEquals(2, JsonText.scan(utf8("{\"a\":[1,2],\"b\":{}}"), 32).depth());
    }

    @Test
    void bracketsAndEscapedQuotesInsideStringsAreText() {
        JsonText.Scan scan = JsonText.scan(utf8("{\"t\":\"[[[[ \\\" {{{{ \\\\\",\"u\":[]}"), 2);
        assertEquals(2, scan.depth());
        assertTrue(scan.ascii());
        assertEquals(false, scan.unicodeEscapes());
        assertTrue(JsonText.scan(utf8("{\"t\":\"caf\\u00e9\"}"), 2).unicodeEscapes());
        assertEquals(false, JsonText.scan(utf8("{\"t\":\"a\\\\u\"}"), 2).unicodeEscapes(), "an escaped backslash before u");
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[][] invalid = {
                {'"', (byte) 0xC3, 0x28, '"'},                    // lead byte without continuation
                {'"', (byte) 0x80, '"'},                          // stray continuation byte
                {'"', (byte) 0xC0, (byte) 0xAF, '"'},             // overlong '/'
                {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // encoded surrogate (CESU-8)
                {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // beyond U+10FFFF
                {'"', 'a', (byte) 0xE2, (byte) 0x82},             // truncated at the end
        };
        for (byte[] body : invalid) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> JsonText.prepare(body, 32));
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
        assertEquals("\"\u00e9\u20ac\ud83d\ude00\"", JsonText.decodeUtf8(utf8("\"é€😀\"")));
    }

    @Test
    void stringsAndKeysAreNormalisedToNfc() {
        String nfd = Normalizer.normalize("Café İstanbul Ёлка", Normalizer.Form.NFD);
        String key = Normalizer.normalize("tür", Normalizer.Form.NFD);
        JsonObject json = prepared("{\"title\":\"" + nfd + "\",\"" + key + "\":[\"" + nfd + "\",{\"x\":\"" + nfd + "\"}]}");
        assertEquals("Café İstanbul Ёлка", json.getString("title"));
        assertEquals("Café İstanbul Ёлка", json.getJsonArray("tür").getString(0));
        assertEquals("Café İstanbul Ёлка", json.getJsonArray("tür").getJsonObject(1).getString("x"));
        // Escapes are decoded first: e + combining acute sent as \\u escapes is stored as é.
        assertEquals("Café", prepared("{\"title\":\"Cafe\\u0301\"}").getString("title"));
    }

    @Test
    void ordinaryBodiesAreHandedOnUnchanged() {
        byte[] ascii = utf8("{\"title\":\"Plain\",\"n\":1.50,\"tags\":[\"a\"]}");
        assertSame(ascii, JsonText.prepare(ascii, 32));
        byte[] nfc = utf8("{\"title\":\"Café İstanbul\"}");
        assertSame(nfc, JsonText.prepare(nfc, 32));
        byte[] empty = new byte[0];
        assertSame(empty, JsonText.prepare(empty, 32));
        byte[] escapedButNfc = utf8("{\"title\":\"caf\\u00e9\"}");
        assertArrayEquals(escapedButNfc, JsonText.prepare(escapedButNfc, 32));
    }

    @Test
    void keysThatBecomeEqualAndUnpairedSurrogatesAreRefused() {
        String nfd = Normalizer.normalize("é", Normalizer.Form.NFD);
        InvalidRequest twice = assertThrows(InvalidRequest.class, () -> JsonText.prepare(utf8("{\"é\":1,\"" + nfd + "\":2}"), 32));
        assertEquals("é", twice.field());
        assertThrows(InvalidRequest.class, () -> JsonText.prepare(utf8("{\"t\":\"\\ud800x\"}"), 32));
        assertThrows(InvalidRequest.class, () -> JsonText.prepare(utf8("{\"t\":\"\\udc00\"}"), 32));
        assertEquals("😀", prepared("{\"t\":\"\\ud83d\\ude00\"}").getString("t"));
    }

    @Test
    void syntaxErrorsSayWhere() {
        // A body that needs normalising is parsed here; others are left to the binder, which reports syntax itself.
        String nfd = Normalizer.normalize("é", Normalizer.Form.NFD);
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> JsonText.prepare(utf8("{\"t\":\"" + nfd + "\",}"), 32));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        byte[] broken = utf8("{\"t\":\"é\",}");
        assertSame(broken, JsonText.prepare(broken, 32));
    }
}

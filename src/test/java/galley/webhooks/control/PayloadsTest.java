package galley.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import galley.webhooks.boundary.ArticleEvent;
import galley.webhooks.boundary.AuthorEvent;
import galley.webhooks.boundary.PingEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bodies Galley sends, and that they have exactly the documented shape (the records of the OpenAPI document). */
class PayloadsTest {

    private static final UUID EVENT = UUID.fromString("0190a5f2-0000-7000-8000-000000000001");
    private static final UUID ARTICLE = UUID.fromString("0190a5f2-0000-7000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-11-30T08:15:30.123456Z");

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
    }

    @Test
    void anArticleEventIsSmallStableAndAsDocumented() {
        String body = Payloads.event(EVENT, EventType.ARTICLE_PUBLISHED, AT,
                Payloads.article(ARTICLE, "caspian-ports", "en", "Caspian Ports", "PUBLISHED", 4, Instant.parse("2026-11-30T08:15:30Z")));
        assertEquals("{\"id\":\"0190a5f2-0000-7000-8000-000000000001\",\"type\":\"article.published\","
                + "\"occurredAt\":\"2026-11-30T08:15:30.123Z\",\"data\":{\"id\":\"0190a5f2-0000-7000-8000-000000000002\","
                + "\"slug\":\"caspian-ports\",\"lang\":\"en\",\"title\":\"Caspian Ports\",\"status\":\"PUBLISHED\",\"version\":4,"
                + "\"publishedAt\":\"2026-11-30T08:15:30Z\",\"apiPath\":\"/api/articles/caspian-ports?lang=en\"}}", body);
        JsonObject event = parse(body);
        assertEquals(components(ArticleEvent.class), List.copyOf(event.keySet()));
        assertEquals(components(ArticleEvent.Data.class), List.copyOf(event.getJsonObject("data").keySet()));
    }

    @Test
    void absentValuesAreLeftOutAndSlugsAreEncodedInPaths() {
        JsonObject data = Payloads.article(ARTICLE, "учения-одкб", "ru", "Учения", "DRAFT", 1, null);
        assertFalse(data.containsKey("publishedAt"));
        assertEquals("/api/articles/%D1%83%D1%87%D0%B5%D0%BD%D0%B8%D1%8F-%D0%BE%D0%B4%D0%BA%D0%B1?lang=ru", data.getString("apiPath"));
    }

    @Test
    void authorAndPingEventsAsDocumented() {
        JsonObject author = parse(Payloads.event(EVENT, EventType.AUTHOR_UPDATED, AT, Payloads.author(ARTICLE, "selin-arslan", "Selin Arslan", 2)));
        assertEquals("author.updated", author.getString("type"));
        assertEquals(components(AuthorEvent.class), List.copyOf(author.keySet()));
        assertEquals(components(AuthorEvent.Data.class), List.copyOf(author.getJsonObject("data").keySet()));
        assertEquals("/api/authors/selin-arslan", author.getJsonObject("data").getString("apiPath"));
        JsonObject ping = parse(Payloads.event(EVENT, EventType.PING, AT, Payloads.ping(ARTICLE)));
        assertEquals(components(PingEvent.class), List.copyOf(ping.keySet()));
        assertEquals(components(PingEvent.Data.class), List.copyOf(ping.getJsonObject("data").keySet()));
    }

    @Test
    void eventNamesRoundTripAndPingIsNotSubscribable() {
        for (EventType type : EventType.values()) assertEquals(type, EventType.ofWireName(type.wireName()).orElseThrow());
        assertEquals(List.of("article.published", "article.updated", "article.unpublished", "article.deleted", "author.updated"),
                EventType.subscribableNames());
        for (String name : EventType.subscribableNames()) assertEquals(true, name.matches(EventType.SUBSCRIBABLE_PATTERN));
        assertFalse("ping".matches(EventType.SUBSCRIBABLE_PATTERN));
    }
}

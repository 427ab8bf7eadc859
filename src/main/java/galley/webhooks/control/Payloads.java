package galley.webhooks.control;

import galley.module.control.Mount;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The JSON bodies of deliveries: {@code {"id", "type", "occurredAt", "data"}}, small and stable. Their
 * documented shapes are the records of {@code galley.webhooks.boundary} ({@code ArticleEvent},
 * {@code AuthorEvent}, {@code PingEvent}); a unit test keeps the two in step. Absent values are left out,
 * as in the API's responses.
 */
public final class Payloads {

    private Payloads() {
    }

    /** The whole body, as the exact text that is signed and sent. */
    public static String event(UUID eventId, EventType type, Instant occurredAt, JsonObject data) {
        return Json.createObjectBuilder()
                .add("id", eventId.toString())
                .add("type", type.wireName())
                .add("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("data", data)
                .build().toString();
    }

    /** An article as it is after the change (as it was when deleted). */
    public static JsonObject article(UUID id, String slug, String language, String title, String status, long version,
                                     Instant publishedAt) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("id", id.toString())
                .add("slug", slug)
                .add("lang", language)
                .add("title", title)
                .add("status", status)
                .add("version", version);
        if (publishedAt != null) data.add("publishedAt", publishedAt.toString());
        // Where the public API serves it (while it is published): what a front end refetches or purges.
        return data.add("apiPath", Mount.current().publicApiPath() + "/articles/" + segment(slug) + "?lang=" + segment(language)).build();
    }

    public static JsonObject author(UUID id, String slug, String name, long version) {
        return Json.createObjectBuilder()
                .add("id", id.toString())
                .add("slug", slug)
                .add("name", name)
                .add("version", version)
                .add("apiPath", Mount.current().publicApiPath() + "/authors/" + segment(slug))
                .build();
    }

    public static JsonObject ping(UUID webhookId) {
        return Json.createObjectBuilder().add("webhookId", webhookId.toString()).build();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package galley.requests.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bad-input suite, a bounded sample: thousands of malformed and hostile requests driven by the
 * {@code /openapi} document; no 5xx, every error problem+json, nothing stored changed. The benchmark
 * command {@code src/test/bench/bad-input.sh} runs the full set.
 */
public interface BadInputTests extends GalleyTests {

    @Test
    default void thousandsOfMalformedAndHostileRequestsChangeNothingAndNeverFailTheServer() throws Exception {
        Api admin = api().admin();
        Map<String, String> ids = BadInputSuite.createTargets(admin);
        awaitDueSchedules(admin);
        String before = BadInputSuite.contentSnapshot(admin);
        String dbBefore = TestConfig.postgresUrl() == null ? null : BadInputSuite.databaseSnapshot(TestConfig.postgresUrl());

        BadInputSuite.Results results = new BadInputSuite(admin, api().anonymous(), 20261129L, 6).withRealIds(ids).run();
        System.out.println("Bad-input suite (test sample): " + results);

        assertEquals(before, BadInputSuite.contentSnapshot(admin), "stored content changed");
        if (dbBefore != null) assertEquals(dbBefore, BadInputSuite.databaseSnapshot(TestConfig.postgresUrl()), "database rows changed");
        assertEquals(0, results.serverErrors, results.toString());
        assertTrue(results.failures.isEmpty(), results.toString());
        assertTrue(results.sent() >= 2000, "a few thousand requests: " + results.sent());
    }

    @Test
    default void noScriptSurvivesIntoRenderedArticles() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Sanitised"));
        String markdown = """
                Text <script>alert(1)</script> and <img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">link</a>.

                [markdown link](javascript:alert(4)) ![image](data:text/html;base64,PHNjcmlwdD4=)

                <div style="background:url(javascript:alert(5))" onclick="alert(6)">styled</div>
                <iframe src="https://attacker.example"></iframe><svg onload=alert(7)></svg>
                <p>kept <strong>bold</strong> and <a href="https://example.org/ok">a safe link</a></p>
                """;
        JsonObject created = createArticle(admin, Content.article("en", unique("Hostile Markdown"), author).add("body", markdown));
        JsonObject published = publish(admin, created.getString("id"));
        String html = api().get("api/articles/" + published.getString("slug")).expect(200).json().getString("body");
        assertFalse(Pattern.compile("<script|\\son[a-z]+\\s*=|javascript:|<iframe|<svg|style=|data:text", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), html);
        assertTrue(html.contains("<strong>bold</strong>") && html.contains("https://example.org/ok"), html);
        assertEquals(422, admin.post("api/admin/articles", Content.article("en", unique("Bad Reference"), author)
                .add("references", Json.createArrayBuilder().add(Json.createObjectBuilder().add("number", 1)
                        .add("citation", "x").add("url", "javascript:alert(1)"))).build()).status(), "reference URLs are http or https");
    }

    /** Scheduled publications due soon would change content during the run: let them happen first. */
    private static void awaitDueSchedules(Api admin) throws InterruptedException {
        Instant latest = Instant.now();
        for (var item : admin.get("api/admin/articles?status=scheduled&size=100").expect(200).json().getJsonArray("items")) {
            JsonObject a = item.asJsonObject();
            if (a.containsKey("publishAt")) {
                Instant at = Instant.parse(a.getString("publishAt"));
                if (at.isAfter(latest) && at.isBefore(Instant.now().plus(Duration.ofMinutes(5)))) latest = at;
            }
        }
        long wait = Duration.between(Instant.now(), latest).toMillis();
        if (wait > 0) Thread.sleep(wait + 3000);
    }
}

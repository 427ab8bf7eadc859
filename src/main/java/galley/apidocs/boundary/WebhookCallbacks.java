package galley.apidocs.boundary;

import galley.webhooks.control.EventType;
import galley.webhooks.control.Signatures;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.callbacks.Callback;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The webhook deliveries in the API document. Payara serves OpenAPI 3.0, which has no top-level
 * {@code webhooks}, so each event is a callback of {@code createWebhook}: a POST to the registered URL
 * ({@code {$request.body#/url}}) with the event's body and the signature headers, answered 2xx.
 */
final class WebhookCallbacks {

    private static final String CREATE_PATH = "/api/admin/webhooks";
    private static final String TARGET = "{$request.body#/url}";

    private record Event(EventType type, String schema, String operationId, String summary) {
    }

    private static final List<Event> EVENTS = List.of(
            new Event(EventType.ARTICLE_PUBLISHED, "ArticleEvent", "webhookArticlePublished",
                    "An article became public: published now, by its schedule, again after archiving, or by an import with publish."),
            new Event(EventType.ARTICLE_UPDATED, "ArticleEvent", "webhookArticleUpdated",
                    "A published article changed (content, slug, language, translation group). Edits of drafts, scheduled or "
                            + "archived articles send nothing."),
            new Event(EventType.ARTICLE_UNPUBLISHED, "ArticleEvent", "webhookArticleUnpublished",
                    "A published article left the public API: returned to draft or archived."),
            new Event(EventType.ARTICLE_DELETED, "ArticleEvent", "webhookArticleDeleted",
                    "A published article was deleted."),
            new Event(EventType.AUTHOR_UPDATED, "AuthorEvent", "webhookAuthorUpdated",
                    "An author's profile changed."),
            new Event(EventType.PING, "PingEvent", "webhookPing",
                    "A test event, sent when an admin pings the endpoint."));

    private WebhookCallbacks() {
    }

    /** Adds the callbacks to {@code POST /api/admin/webhooks}, and the event names to the schemas that list them. */
    static void addTo(OpenAPI openAPI) {
        enumerateEvents(openAPI, "WebhookInput");
        enumerateEvents(openAPI, "Webhook");
        if (openAPI.getPaths() == null) return;
        PathItem item = openAPI.getPaths().getPathItem(CREATE_PATH);
        Operation create = item == null ? null : item.getPOST();
        if (create == null) return;
        for (Event event : EVENTS) {
            Callback callback = OASFactory.createCallback().addPathItem(TARGET, OASFactory.createPathItem().POST(delivery(event)));
            create.addCallback(event.type().wireName(), callback);
        }
    }

    private static Operation delivery(Event event) {
        String name = event.type().wireName();
        return OASFactory.createOperation()
                .operationId(event.operationId())
                .summary(name)
                .description(event.summary() + " Galley POSTs the JSON body to the endpoint's URL, signed: verify "
                        + Signatures.HEADER + " (HMAC-SHA256 of the exact body bytes with the endpoint's secret, hex) before trusting "
                        + "it. Any answer but 2xx, or none within the timeout, is retried with exponential backoff; redirects are "
                        + "not followed. The same event may arrive more than once: its id tells repeats apart.")
                .tags(List.of("Webhooks (admin)"))
                // The receiver authenticates Galley by the signature.
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("webhookSignature")))
                .parameters(List.of(
                        header("X-Galley-Event", "The event type, as in the body's type.", enumerated(name), name),
                        header("X-Galley-Delivery", "The delivery's id (a redelivery has a new one; the body's id stays).",
                                string().format("uuid"), "3b0c7c3e-2f5d-4b8e-9a57-1f6c2d9e8a41"),
                        header(Signatures.HEADER, "sha256= and the hex HMAC-SHA256 of the exact body bytes, keyed with the "
                                + "endpoint's secret (its UTF-8 bytes).", string().pattern("^sha256=[0-9a-f]{64}$"),
                                "sha256=" + "5d41402abc4b2a76b9719d911017c592".repeat(2)),
                        header("User-Agent", "Galley-Webhooks/<version>.", string(), "Galley-Webhooks/0.1.0")))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema().ref(event.schema())))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Delivered: no further attempt."))
                        .addAPIResponse("4XX", OASFactory.createAPIResponse()
                                .description("Refused by the receiver: a failed attempt like any other, tried again later."))
                        .addAPIResponse("default", OASFactory.createAPIResponse()
                                .description("Not delivered (so is no answer within the timeout, and a redirect): tried again later.")));
    }

    private static Parameter header(String name, String description, Schema schema, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(schema).example(example);
    }

    private static Schema string() {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING);
    }

    private static Schema enumerated(String value) {
        return string().addEnumeration(value);
    }

    /** The events property of a record schema: its items are the subscribable event names. */
    private static void enumerateEvents(OpenAPI openAPI, String schemaName) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) return;
        Schema schema = openAPI.getComponents().getSchemas().get(schemaName);
        Map<String, Schema> properties = schema == null ? null : schema.getProperties();
        Schema events = properties == null ? null : properties.get("events");
        if (events == null || events.getItems() == null) return;
        Schema items = events.getItems();
        items.setEnumeration(null);
        EventType.subscribableNames().forEach(items::addEnumeration);
    }
}

package galley.webhooks.boundary;

import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.security.boundary.AdminApi;
import galley.security.entity.Role;
import galley.webhooks.control.Webhooks;
import galley.webhooks.entity.WebhookDelivery;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin: webhook endpoints, their delivery logs, pings and redeliveries. The events and their bodies are
 * documented as callbacks of {@code createWebhook} (see {@code galley.apidocs.boundary.WebhookCallbacks}).
 */
@Path("admin/webhooks")
@AdminApi(value = Role.ADMIN, scopes = {})
@Tag(name = "Webhooks (admin)", description = "Endpoints told of content changes: signed JSON deliveries, retried, logged.")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints", description = "Newest first, inactive ones included.")
    @APIResponse(responseCode = "200", description = "The endpoints (without their secrets).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookList")))
    public WebhookList list() {
        return new WebhookList(webhooks.list().stream().map(WebhookView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "The answer holds the signing secret, the only time it is shown. The deliveries the endpoint will "
                    + "receive are described by this operation's callbacks.")
    @APIResponse(responseCode = "201", description = "The new endpoint and its secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedWebhook")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "WebhookInput"))) @NotNull @Valid WebhookInput input, @Context UriInfo uriInfo) {
        Webhooks.Created created = webhooks.create(input.toFields());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.endpoint().getId().toString()).build())
                .entity(new CreatedWebhookView(WebhookView.of(created.endpoint()), created.secret())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook endpoint",
            description = "The endpoint's URL, events, description and whether it is active. Its secret is shown only once, when it is created.")
    @APIResponse(responseCode = "200", description = "The endpoint (without its secret).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Webhook")))
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhook", summary = "Replace a webhook endpoint's settings",
            description = "URL, events, description and active as given; the secret only when one is given.")
    @APIResponse(responseCode = "200", description = "The endpoint as changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Webhook")))
    public WebhookView update(@PathParam("id") UUID id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "WebhookInput"))) @NotNull @Valid WebhookInput input) {
        return WebhookView.of(webhooks.replace(id, input.toFields()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint", description = "With its delivery log; pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read an endpoint's delivery log",
            description = "Newest first, each delivery with its attempts: when, how long, the HTTP status or the error.")
    @APIResponse(responseCode = "200", description = "A page of deliveries; paged with Link headers.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookDeliveryPage")))
    public Response deliveries(@PathParam("id") UUID id,
                               @Parameter(description = "Only deliveries in this status.",
                                       schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "delivered", "failed"}))
                               @QueryParam("status") String status,
                               @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
                               @QueryParam("page") String page,
                               @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                               @QueryParam("size") String size,
                               @Context UriInfo uriInfo) {
        var result = webhooks.deliveries(id, Params.choice("status", status, WebhookDelivery.Status.class, null), Params.page(page, size));
        return PageLinks.add(Response.ok(WebhookDeliveryPage.of(result)), uriInfo, result).build();
    }

    @POST
    @Path("{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a test event to an endpoint",
            description = "Queues a ping delivery (type ping), sent and retried like any other; 409 when the endpoint is inactive.")
    @APIResponse(responseCode = "202", description = "The queued delivery; follow it in the delivery log.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookDelivery")))
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(WebhookDeliveryView.of(webhooks.ping(id))).build();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "Queues a new delivery of the same event with the same body (and event id) and a fresh attempt budget; "
                    + "409 when the endpoint is inactive.")
    @APIResponse(responseCode = "202", description = "The new delivery.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookDelivery")))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(WebhookDeliveryView.of(webhooks.redeliver(id, deliveryId))).build();
    }
}

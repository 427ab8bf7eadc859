package galley.webhooks.control;

import java.util.UUID;

/** A delivery this node has claimed, with what sending it needs. */
public record Outgoing(UUID deliveryId, UUID endpointId, String eventType, String payload, int attempts, String url, String secret) {
}

package galley.configuration.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: unknown fields in a request body are an error (a typo must not be silently
 * ignored), nulls are left out of responses.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(config());

    private static JsonbConfig config() {
        JsonbConfig config = new JsonbConfig().withNullValues(false);
        config.setProperty("jsonb.fail-on-unknown-properties", true);
        return config;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}

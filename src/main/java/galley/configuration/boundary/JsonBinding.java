package galley.configuration.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: unknown fields in a request body are an error (a typo must not be silently
 * ignored), nulls are left out of responses.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    private final Jsonb jsonb = JSONB;

    /** The API's JSON binding, for code that binds JSON itself (merge patches). */
    public static Jsonb shared() {
        return JSONB;
    }

    private static JsonbConfig config() {
        // Declaration order, so responses read like the records that define them.
        JsonbConfig config = new JsonbConfig().withNullValues(false)
                .withPropertyOrderStrategy(PropertyOrderStrategy.ANY);
        config.setProperty("jsonb.fail-on-unknown-properties", true);
        return config;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}

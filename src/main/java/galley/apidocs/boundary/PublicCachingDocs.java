package galley.apidocs.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the HTTP caching of public reads ({@code galley.caching.boundary.PublicCaching}): the
 * conditional request header, the validators and freshness headers of a 200, and the 304 answer, so
 * front-end developers and generated clients know they may revalidate instead of downloading again.
 */
final class PublicCachingDocs {

    private PublicCachingDocs() {
    }

    /** Whether reads of this path are cached (the same rule as PublicCaching's: not preview links). */
    static boolean cached(String path) {
        // By whole segment: /api/authors is cached, /api/auth (sign-in) is not.
        return !path.startsWith("/api/preview/") && !path.equals("/api/auth") && !path.startsWith("/api/auth/");
    }

    static void document(Operation operation, APIResponse ok, APIResponses responses) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("The ETag of a copy the client already has: when it is still current the answer is 304 without a body.")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING))
                    .example("\"kq3dX0f2b9GmS1vT7yW4zA8c\""));
        }
        ok.addHeader("ETag", string("A strong validator of this exact answer, for If-None-Match."));
        ok.addHeader("Cache-Control", string("public, max-age and stale-while-revalidate (configurable: galley.http.max-age, galley.http.stale-while-revalidate)."));
        ok.addHeader("Vary", string("Accept-Language: the answer depends on the reader's language."));
        if (!responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the copy named by If-None-Match is current; no body.")
                    .addHeader("ETag", string("The current validator (the one sent)."))
                    .addHeader("Cache-Control", string("How long the copy may be kept.")));
        }
    }

    private static Header string(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }
}

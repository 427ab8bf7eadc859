package galley.i18n.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Saying which language a response is in. */
public final class ContentLanguage {

    private ContentLanguage() {
    }

    /** Content-Language of the response, when it is in one language. */
    public static Response.ResponseBuilder served(Response.ResponseBuilder response, String language) {
        if (language != null) response.header(HttpHeaders.CONTENT_LANGUAGE, language);
        return response;
    }
}

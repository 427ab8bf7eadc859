package galley.requests.boundary;

import galley.errors.control.InvalidRequest;
import galley.errors.control.TooLarge;
import galley.requests.control.BodyShape;
import galley.requests.control.BodyTooLarge;
import galley.requests.control.JsonText;
import galley.requests.control.RequestLimits;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every JSON request body ({@code application/json}, {@code application/merge-patch+json}, any
 * {@code +json}) before it is bound: read whole within the body limit, checked to be UTF-8 and nested no
 * deeper than {@code galley.requests.max-json-depth}, its strings and keys put in Unicode NFC. When binding
 * then fails, the refusal names the field that did not fit.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    @Inject
    RequestLimits limits;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (!isJson(type)) return context.proceed();
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            // RFC 8259: JSON exchanged between systems is UTF-8.
            throw new NotSupportedException("JSON bodies must be UTF-8");
        }
        byte[] body;
        try {
            body = context.getInputStream().readAllBytes();
        } catch (IOException e) {
            BodyTooLarge tooLarge = BodyTooLarge.in(e);
            if (tooLarge != null) throw new TooLarge(tooLarge.limit());
            throw e;
        }
        byte[] prepared = JsonText.prepare(body, limits.maxJsonDepth());
        context.setInputStream(new ByteArrayInputStream(prepared));
        if (charset != null) context.setMediaType(withoutCharset(type));
        if (isRecordShaped(context.getType())) {
            // JSON-B would take 12 or true for a text field; the API's schema says string: refuse, naming it.
            var field = BodyShape.mismatch(JsonText.parse(new String(prepared, StandardCharsets.UTF_8)), context.getGenericType());
            if (field.isPresent()) throw new InvalidRequest(field.get().field(), field.get().message());
        }
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            if (!isBindingFailure(e)) throw e;
            var field = BodyShape.mismatch(JsonText.parse(new String(prepared, StandardCharsets.UTF_8)), context.getGenericType());
            if (field.isEmpty()) throw e;
            throw new InvalidRequest(field.get().field(), field.get().message());
        }
    }

    private static boolean isRecordShaped(Class<?> type) {
        return type.isRecord() || java.util.Collection.class.isAssignableFrom(type);
    }

    static boolean isJson(MediaType type) {
        if (type == null) return false;
        String subtype = type.getSubtype().toLowerCase();
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    private static MediaType withoutCharset(MediaType type) {
        return new MediaType(type.getType(), type.getSubtype());
    }

    private static boolean isBindingFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}

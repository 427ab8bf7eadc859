package galley.articles.control;

import galley.configuration.control.GeneratedSecrets;
import galley.errors.control.Expired;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.security.control.AccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed, expiring preview links: a front end holding one reads a draft as the public API will render
 * it. The token is the article id and the expiry, signed with HMAC-SHA256; nothing is stored, so a link
 * works on every node until it expires. The key is {@code galley.preview.key} (base64, at least 32 bytes)
 * or, when not configured, one Galley generates once and keeps in the database.
 */
@ApplicationScoped
public class PreviewLinks {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);

    @Inject
    @ConfigProperty(name = "galley.preview.key")
    Optional<String> configuredKey;

    @Inject
    GeneratedSecrets secrets;

    @Inject
    AccessControl access;

    @Inject
    ArticlePreviews articles;

    private volatile SecretKeySpec key;

    /** A link to this article, valid for {@code validity}. */
    public record Link(String token, Instant expiresAt) {
    }

    public Link issue(UUID articleId, Duration validity) {
        access.requireEditor("issue preview links");
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidInput("validitySeconds", "must be between 1 second and " + MAX_VALIDITY.toDays() + " days");
        }
        if (!articles.exists(articleId)) throw new NotFound("article", articleId);
        Instant expiresAt = Instant.now().plus(validity);
        ByteBuffer payload = ByteBuffer.allocate(24)
                .putLong(articleId.getMostSignificantBits()).putLong(articleId.getLeastSignificantBits())
                .putLong(expiresAt.toEpochMilli());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return new Link(b64.encodeToString(payload.array()) + "." + b64.encodeToString(sign(payload.array())),
                Instant.ofEpochMilli(expiresAt.toEpochMilli()));
    }

    /** The article a token names; 404 when it is not one of Galley's tokens, 410 when it has expired. */
    public UUID verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        byte[] payload;
        byte[] signature;
        try {
            if (parts.length != 2) throw new IllegalArgumentException();
            payload = Base64.getUrlDecoder().decode(parts[0]);
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new NotFound("preview", "this link");
        }
        if (payload.length != 24 || !MessageDigest.isEqual(sign(payload), signature)) throw new NotFound("preview", "this link");
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochMilli(buffer.getLong());
        if (Instant.now().isAfter(expiresAt)) throw new Expired("This preview link expired at " + expiresAt + "; ask an editor for a new one");
        return id;
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] bytes = configuredKey.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.strip()))
                    .orElseGet(() -> secrets.get("preview-link-key"));
            if (bytes.length < 32) throw new IllegalStateException("galley.preview.key must be at least 32 bytes (base64)");
            key = k = new SecretKeySpec(bytes, "HmacSHA256");
        }
        return k;
    }
}

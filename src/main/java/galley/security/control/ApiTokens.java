package galley.security.control;

import galley.database.control.GalleyUnit;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.security.entity.ApiToken;
import galley.security.entity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens: made, listed and revoked by admins; checked on every request that presents one, and each
 * use recorded. A token is {@value #PREFIX} and 43 characters of randomness (256 bits), so a fast hash
 * is safe to keep and to look up by.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    public static final String PREFIX = "galley_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    AccessControl access;

    /** A new token, and the token itself: the only time it is seen. */
    public record Created(ApiToken token, String secret) {
    }

    /** Who presents a valid token: its name and scope. */
    public record Holder(UUID id, String name, Scope scope) {
        /** The name audit entries and created articles give the caller. */
        public String callerName() {
            return "token:" + name;
        }
    }

    public Created create(String name, Scope scope, Instant expiresAt) {
        access.requireAdmin("manage API tokens");
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) throw new InvalidInput("expiresAt", "must be in the future");
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(name.strip(), scope, hash(secret), secret.substring(0, PREFIX.length() + 6),
                access.callerName(), now.truncatedTo(ChronoUnit.MICROS),
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS));
        em.persist(token);
        em.flush();
        return new Created(token, secret);
    }

    public List<ApiToken> list() {
        access.requireAdmin("manage API tokens");
        return em.createQuery("select t from ApiToken t order by t.createdAt desc, t.id", ApiToken.class).getResultList();
    }

    public ApiToken get(UUID id) {
        access.requireAdmin("manage API tokens");
        return find(id);
    }

    /** Revokes the token at once; it stays listed, as revoked. */
    public ApiToken revoke(UUID id) {
        access.requireAdmin("manage API tokens");
        ApiToken token = find(id);
        token.revoke(Instant.now().truncatedTo(ChronoUnit.MICROS));
        return token;
    }

    /** The holder of {@code secret} when it is a valid token, recording this use; else empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Holder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash(secret)).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().isValidAt(now)) return Optional.empty();
        ApiToken token = found.get();
        // A bulk update: no version bump, no conflict with an admin revoking it at the same moment.
        em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
                .setParameter("now", now).setParameter("id", token.getId()).executeUpdate();
        return Optional.of(new Holder(token.getId(), token.getName(), token.getScope()));
    }

    private ApiToken find(UUID id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) throw new NotFound("API token", id);
        return token;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

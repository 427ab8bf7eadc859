package galley.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import galley.errors.control.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived signed sign-in tokens in the MicroProfile JWT format (RS256; {@code iss}, {@code sub},
 * {@code upn}, {@code groups} as roles, {@code iat}, {@code exp}, {@code jti}), so any MicroProfile JWT
 * runtime given the public key accepts them too.
 */
@ApplicationScoped
public class AccessTokens {

    /** A bit of clock difference between nodes is tolerated. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "galley.jwt.issuer", defaultValue = "galley")
    String issuer;

    @Inject
    @ConfigProperty(name = "galley.jwt.lifetime-seconds", defaultValue = "900")
    long lifetimeSeconds;

    /** A token and how long it is valid. */
    public record Issued(String token, long expiresIn) {
    }

    /** Who a valid token names, and their roles. */
    public record Verified(String username, Set<String> groups) {
    }

    public Issued issue(UUID userId, String username, Set<String> roles) {
        RSAKey key = keys.key().orElseThrow(
                () -> new Unavailable("Sign-in is not configured on this server: set GALLEY_JWT_SIGNING_KEY"));
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(userId.toString()).claim("upn", username)
                .claim("groups", List.copyOf(roles)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return new Issued(jwt.serialize(), lifetimeSeconds);
    }

    /** The caller a token names, when it is one of ours, intact, current and issued here; else empty. */
    public Optional<Verified> verify(String token) {
        Optional<RSAKey> key = keys.key();
        if (key.isEmpty()) return Optional.empty();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // Only the algorithm we sign with: no "none", no HMAC with the public key as secret.
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
            if (!jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            if (!issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now)
                    || (claims.getIssueTime() != null && claims.getIssueTime().toInstant().minus(SKEW).isAfter(now))) {
                return Optional.empty();
            }
            String upn = claims.getStringClaim("upn");
            List<String> groups = claims.getStringListClaim("groups");
            if (upn == null || upn.isBlank()) return Optional.empty();
            return Optional.of(new Verified(upn, groups == null ? Set.of() : Set.copyOf(groups)));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

package galley.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import galley.testing.TestConfig;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final RSAKey key = SigningKeys.fromPem(TestConfig.signingKeyPem());

    private AccessTokens tokens(RSAKey signing, long lifetime) {
        AccessTokens tokens = new AccessTokens();
        tokens.keys = new SigningKeys() {
            @Override
            public Optional<RSAKey> key() {
                return Optional.of(signing);
            }
        };
        tokens.issuer = "galley";
        tokens.lifetimeSeconds = lifetime;
        return tokens;
    }

    @Test
    void anIssuedTokenVerifiesWithItsUserAndRoles() {
        AccessTokens tokens = tokens(key, 900);
        AccessTokens.Issued issued = tokens.issue(UUID.randomUUID(), "editor", Set.of("editor"));
        assertEquals(900, issued.expiresIn());
        assertEquals(Optional.of(new AccessTokens.Verified("editor", Set.of("editor"))), tokens.verify(issued.token()));
    }

    @Test
    void expiredForeignUnsignedAndHmacTokensAreRefused() throws Exception {
        AccessTokens tokens = tokens(key, 900);
        assertTrue(tokens(key, -120).verify(tokens(key, -120).issue(UUID.randomUUID(), "a", Set.of()).token()).isEmpty(), "expired");
        RSAKey other = new RSAKeyGenerator(2048).generate();
        assertTrue(tokens.verify(tokens(other, 900).issue(UUID.randomUUID(), "a", Set.of("admin")).token()).isEmpty(), "another key");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("galley").claim("upn", "a").claim("groups", List.of("admin"))
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertTrue(tokens.verify(hmac.serialize()).isEmpty(), "HMAC with the public key as secret");
        String[] parts = hmac.serialize().split("\\.");
        assertTrue(tokens.verify("eyJhbGciOiJub25lIn0." + parts[1] + ".").isEmpty(), "alg none");
        SignedJWT wrongIssuer = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder(claims).issuer("elsewhere").build());
        wrongIssuer.sign(new RSASSASigner(key));
        assertTrue(tokens.verify(wrongIssuer.serialize()).isEmpty(), "another issuer");
        assertTrue(tokens.verify("not a token").isEmpty());
    }
}

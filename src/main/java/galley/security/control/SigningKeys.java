package galley.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import galley.configuration.control.GeneratedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key that signs sign-in tokens. It comes from configuration ({@code GALLEY_JWT_SIGNING_KEY}: a
 * PKCS#8 PEM private key, RSA 2048 bits or more); only the embedded demo run, which has none, generates
 * one, kept in the database so that every node and restart agree. Without either, nobody can sign in.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final String GENERATED = "jwt.demo-signing-key";

    @Inject
    @ConfigProperty(name = "galley.jwt.signing-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "galley.demo.enabled", defaultValue = "false")
    boolean demo;

    @Inject
    GeneratedSecrets secrets;

    private volatile Optional<RSAKey> key;

    /** The signing key, or empty when none is configured outside the demo run. */
    public Optional<RSAKey> key() {
        Optional<RSAKey> known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) key = load();
                known = key;
            }
        }
        return known;
    }

    private Optional<RSAKey> load() {
        if (configured.isPresent() && !configured.get().isBlank()) return Optional.of(fromPem(configured.get()));
        if (!demo) {
            LOG.warning("No JWT signing key is configured (GALLEY_JWT_SIGNING_KEY): sign-in is off; API tokens still work.");
            return Optional.empty();
        }
        String json = secrets.get(GENERATED, SigningKeys::generate);
        try {
            LOG.info("Demo run: signing sign-in tokens with a key generated for this database (not for production).");
            return Optional.of(RSAKey.parse(json));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored demo signing key is unreadable", e);
        }
    }

    private static String generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSA key from a PKCS#8 PEM private key, its public half derived from it. */
    static RSAKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (privateKey.getModulus().bitLength() < 2048) throw new IllegalStateException("The JWT signing key must have 2048 bits or more");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("GALLEY_JWT_SIGNING_KEY is not a PKCS#8 PEM RSA private key", e);
        }
    }
}

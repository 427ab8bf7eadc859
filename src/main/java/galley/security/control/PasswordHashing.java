package galley.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password hashes: Jakarta Security's PBKDF2 with HMAC-SHA-512 and 210,000 iterations (OWASP's
 * recommendation for that hash), a 32-byte random salt per password.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 200;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** A hash to compare against when the user does not exist, so both cases take the same time. */
    private String decoy;

    /** Per-process random key for {@link #proof}. */
    private final SecretKeySpec proofKey = new SecretKeySpec(randomBytes(32), "HmacSHA256");

    /** Proofs of recent successful verifications, the most recent 1,024. */
    private final Map<String, Boolean> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1024;
        }
    };

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy-password-that-matches-nothing".toCharArray());
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            pbkdf2.verify(password.toCharArray(), decoy);
            return false;
        }
        String proof = proof(password, hash);
        synchronized (verified) {
            if (verified.containsKey(proof)) return true;
        }
        boolean matches = pbkdf2.verify(password.toCharArray(), hash);
        if (matches) {
            synchronized (verified) {
                verified.put(proof, Boolean.TRUE);
            }
        }
        return matches;
    }

    /**
     * A keyed digest of a password together with the stored hash it matched. Remembering these spares
     * repeated sign-ins 200 ms of PBKDF2 each; wrong passwords are never remembered, and a
     * changed password has a new hash, so an old proof can never match it.
     */
    private String proof(String password, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(proofKey);
            mac.update(hash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

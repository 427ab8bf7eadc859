package galley.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void signsTheBodyWithHmacSha256AsHex() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void verifiesOnlyTheSameBodyWithTheSameSecret() {
        byte[] body = "{\"id\":\"1\",\"type\":\"article.published\"}".getBytes(StandardCharsets.UTF_8);
        String secret = Signatures.newSecret();
        String signature = Signatures.sign(secret, body);
        assertTrue(Signatures.verify(secret, body, signature));
        assertFalse(Signatures.verify(secret + "x", body, signature), "another secret");
        assertFalse(Signatures.verify(secret, "{\"id\":\"1\",\"type\":\"article.deleted\"}".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Signatures.verify(secret, body, signature.substring("sha256=".length())), "the prefix is part of it");
        assertFalse(Signatures.verify(secret, body, "sha256=zz"));
        assertFalse(Signatures.verify(secret, body, null));
    }

    @Test
    void generatedSecretsHave256RandomBits() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring("whsec_".length())).length);
        assertNotEquals(secret, Signatures.newSecret());
    }
}

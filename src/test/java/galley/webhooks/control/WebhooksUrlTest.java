package galley.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import galley.errors.control.InvalidInput;
import org.junit.jupiter.api.Test;

class WebhooksUrlTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsUrlsWithAHost() {
        assertEquals("https://build.example.org/hooks/galley?site=1", Webhooks.checkedUrl(" https://build.example.org/hooks/galley?site=1 "));
        assertEquals("http://127.0.0.1:8081/", Webhooks.checkedUrl("http://127.0.0.1:8081/"));
        assertEquals("http://[::1]:9000/x", Webhooks.checkedUrl("http://[::1]:9000/x"));
    }

    @Test
    void refusesEverythingElse() {
        for (String url : new String[] {"ftp://example.org/", "javascript:alert(1)", "https:///path", "/relative", "https://exa mple.org/",
                "https://example.org/#fragment", "https://%zz/", "", "file:///etc/passwd"}) {
            assertThrows(InvalidInput.class, () -> Webhooks.checkedUrl(url), url);
        }
    }
}

package galley.requests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        try (var in = new LimitedInputStream(new ByteArrayInputStream(new byte[1000]), 1000)) {
            assertEquals(1000, in.readAllBytes().length);
        }
    }

    @Test
    void oneByteMoreFails() {
        var in = new LimitedInputStream(new ByteArrayInputStream(new byte[1001]), 1000);
        BodyTooLarge e = assertThrows(BodyTooLarge.class, in::readAllBytes);
        assertEquals(1000, e.limit());
        var single = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        assertThrows(BodyTooLarge.class, () -> {
            while (single.read() >= 0) {
                // reading byte by byte counts too
            }
        });
    }

    @Test
    void theCauseIsFoundWhenWrapped() {
        BodyTooLarge cause = new BodyTooLarge(5);
        assertSame(cause, BodyTooLarge.in(new RuntimeException(new UncheckedIOException(cause))));
        assertEquals(null, BodyTooLarge.in(new IOException("other")));
    }
}

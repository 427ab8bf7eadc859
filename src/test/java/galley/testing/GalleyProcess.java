package galley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Galley started by a test itself, next to the Arquillian-managed one: the same WAR in its own Payara
 * Micro process, for what a deployment cannot show (a crash and a restart, a second node on the same
 * database). Clustering is off: these nodes share only the database.
 */
public final class GalleyProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private GalleyProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Galley with these system properties (galley.data.dir, galley.db.url, ...) and waits until ready. */
    public static GalleyProcess start(String name, Map<String, String> properties) {
        int port = freePort();
        Path dir = Path.of("target", "it-data", "processes").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx768m", "--enable-native-access=ALL-UNNAMED"));
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            // As deploy/run.sh: Hazelcast on a port of its own.
            Path preboot = dir.resolve(name + "-preboot.txt");
            Files.writeString(preboot, "set hazelcast-runtime-configuration.start-port=" + freePort() + "\n");
            command.addAll(List.of("-jar", Path.of("target", "payara-micro.jar").toAbsolutePath().toString(),
                    "--deploy", Path.of("target", "galley.war").toAbsolutePath().toString(),
                    "--contextroot", "/", "--port", Integer.toString(port), "--nocluster",
                    "--prebootcommandfile", preboot.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            GalleyProcess galley = new GalleyProcess(process, log, port);
            galley.awaitReady(Duration.ofMinutes(3));
            return galley;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL url() {
        try {
            return URI.create("http://localhost:" + port + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return new Api(url());
    }

    /** The server's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@code kill -9}: no shutdown hooks, no orderly undeployment. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Galley exited before it was ready; see " + log);
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/health/ready").toURL().openConnection();
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
        kill();
        throw new IllegalStateException("Galley was not ready within " + patience + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

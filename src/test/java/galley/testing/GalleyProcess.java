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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Galley started by a test itself, next to the Arquillian-managed one: the same WAR in its own Payara
 * Micro process, for what a deployment cannot show (a crash and a restart, several nodes on one database).
 * Without a {@link Cluster} clustering is off and the nodes share only the database; with one, the nodes
 * form a Payara Micro (Hazelcast) cluster on the loopback interface and keep Galley's caches in its data
 * grid ({@code galley.cache.provider=payara}), as an operator's cluster would.
 */
public final class GalleyProcess implements AutoCloseable {

    private static final Pattern MEMBERS = Pattern.compile("DG Size: (\\d+)");

    private final String name;
    private final Map<String, String> properties;
    private final Cluster cluster;
    private final int member;
    private final int port;
    private final Path log;
    private Process process;

    private GalleyProcess(String name, Map<String, String> properties, Cluster cluster, int member, int port) {
        this.name = name;
        this.properties = Map.copyOf(properties);
        this.cluster = cluster;
        this.member = member;
        this.port = port;
        this.log = directory().resolve(name + ".log");
    }

    /**
     * A Payara Micro cluster of its own on the loopback interface: a name no other cluster on the machine
     * has, and a Hazelcast port for each member, all of them listed as the members to join (TCP/IP
     * discovery, no multicast), so test clusters never join anyone else's.
     */
    public record Cluster(String name, List<Integer> hazelcastPorts) {

        public static Cluster onLoopback(int members) {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < members; i++) ports.add(freePort());
            return new Cluster("galley-test-" + UUID.randomUUID().toString().substring(0, 8), List.copyOf(ports));
        }

        String members() {
            return String.join(",", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        }
    }

    /** Starts Galley with these system properties (galley.data.dir, galley.db.url, ...) and waits until ready. */
    public static GalleyProcess start(String name, Map<String, String> properties) {
        return launch(name, properties, null, 0).awaitReady(Duration.ofMinutes(3));
    }

    /**
     * Starts member {@code member} of {@code cluster} (null: no cluster) without waiting for it, so that
     * several nodes can boot side by side; {@link #awaitReady} waits.
     */
    public static GalleyProcess launch(String name, Map<String, String> properties, Cluster cluster, int member) {
        GalleyProcess galley = new GalleyProcess(name, properties, cluster, member, freePort());
        galley.boot();
        return galley;
    }

    /** Starts this node again after {@link #kill()} or {@link #close()}: same settings, same HTTP and Hazelcast ports. */
    public GalleyProcess restart() {
        if (process.isAlive()) throw new IllegalStateException(name + " is still running");
        boot();
        return this;
    }

    private void boot() {
        Path dir = directory();
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx768m", "--enable-native-access=ALL-UNNAMED"));
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            // Hazelcast binds a port even without clustering (as in deploy/run.sh: a port of its own).
            int hazelcastPort = cluster == null ? freePort() : cluster.hazelcastPorts().get(member);
            Path preboot = dir.resolve(name + "-preboot.txt");
            Files.writeString(preboot, "set hazelcast-runtime-configuration.start-port=" + hazelcastPort + "\n");
            if (cluster != null) {
                command.add("-Dgalley.cache.provider=payara");
                // A member that died is dropped within seconds, not after Hazelcast's default minute without heartbeats.
                command.add("-Dhazelcast.max.no.heartbeat.seconds=10");
            }
            command.addAll(List.of("-jar", Path.of("target", "payara-micro.jar").toAbsolutePath().toString(),
                    "--deploy", Path.of("target", "galley.war").toAbsolutePath().toString(),
                    "--contextroot", "/", "--port", Integer.toString(port),
                    "--prebootcommandfile", preboot.toString()));
            if (cluster == null) {
                command.add("--nocluster");
            } else {
                command.addAll(List.of("--clustername", cluster.name(), "--clustermode", "tcpip:" + cluster.members(),
                        "--interfaces", "127.0.0.1",
                        // All members share one address here: without this, no member would keep another's backups.
                        "--nohostaware"));
            }
            Files.writeString(log, "=== " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        return Path.of("target", "it-data", "processes").toAbsolutePath();
    }

    public String name() {
        return name;
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

    public boolean alive() {
        return process.isAlive();
    }

    /** The server's log so far (every start of this node). */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the cluster as this node last reported its data grid (Payara's "Data Grid Status"; 0 before it has). */
    public int clusterSize() {
        Matcher m = MEMBERS.matcher(log());
        int size = 0;
        while (m.find()) size = Integer.parseInt(m.group(1));
        return size;
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
        if (process == null || !process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200 with Galley's checks; kills the process and fails when it does
     * not in time.
     */
    public GalleyProcess awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Galley exited before it was ready; see " + log);
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/health/ready").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                // Galley's own check in the answer: Payara answers 200 too when the application failed to deploy.
                if (c.getResponseCode() == 200 && new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("\"database\"")) {
                    return this;
                }
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

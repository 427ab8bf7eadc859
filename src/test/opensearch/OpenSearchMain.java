import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node for the integration tests (galley.testing.OpenSearchNode starts it with
 * {@code java -cp <this module's class path> OpenSearchMain.java <base path> <http port>}: Java's source
 * launcher compiles it, so the main build never compiles against OpenSearch). The runner brings no security
 * plugin: plain HTTP, no credentials. It runs until the process is stopped or killed.
 */
public class OpenSearchMain {

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(port + 1);
        runner.onBuild((index, settings) -> settings
                .put("discovery.type", "single-node")
                .put("http.host", "127.0.0.1")
                .put("network.host", "127.0.0.1")
                // The tests' machines may have little free disk: never turn the index read-only for that.
                .put("cluster.routing.allocation.disk.threshold_enabled", false))
                .build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                        .baseHttpPort(port - 1).clusterName("galley-test").printOnFailure());
        runner.ensureYellow();
        System.out.println("OPENSEARCH READY " + port);
        Thread.currentThread().join();
    }
}

package galley.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;

/**
 * A throw-away PostgreSQL for the benchmark scripts ({@code DB=postgresql}): the same embedded PostgreSQL
 * (zonky, binaries from Maven artifacts) the integration tests use, on {@code --port} with its data in
 * {@code --dir}. Prints {@code READY} when it accepts connections and runs until the process is stopped
 * (SIGTERM), which stops PostgreSQL too.
 */
public final class BenchPostgres {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = SimilarQuality.options(args);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(opts.get("port")))
                .setDataDirectory(Path.of(opts.get("dir"))).setCleanDataDirectory(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement(); var r = s.executeQuery("select version()")) {
            r.next();
            System.out.println("READY " + r.getString(1));
        }
        Thread.currentThread().join();
    }
}

package galley.bench;

import galley.requests.boundary.BadInputSuite;
import galley.testing.Api;
import java.net.URI;
import java.util.Map;

/**
 * The bad-input suite's long run against a running Galley: every hostile string in every field, several
 * seeds; prints requests by kind, statuses, 5xx and stored-content changes.
 *
 * <pre>java galley.bench.BadInput --url http://localhost:8093 --user admin --password ... --rounds 3</pre>
 */
public final class BadInput {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = SimilarQuality.options(args);
        Api api = new Api(URI.create(opts.get("url")).toURL());
        Api admin = api.as(opts.get("user"), opts.get("password"));
        Map<String, String> ids = BadInputSuite.createTargets(admin);
        String before = BadInputSuite.contentSnapshot(admin);
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        int sent = 0;
        int serverErrors = 0;
        int failures = 0;
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            BadInputSuite.Results results = new BadInputSuite(admin, api.anonymous(), 1000L + round, Integer.MAX_VALUE).withRealIds(ids).run();
            System.out.println("round " + (round + 1) + ": " + results);
            results.failures.forEach(f -> System.out.println("  failed: " + f));
            sent += results.sent();
            serverErrors += results.serverErrors;
            failures += results.failures.size();
        }
        boolean unchanged = before.equals(BadInputSuite.contentSnapshot(admin));
        System.out.printf("bad-input suite: %d requests in %.0f s, 5xx %d, failed checks %d, stored content %s%n", sent,
                (System.nanoTime() - started) / 1e9, serverErrors, failures, unchanged ? "unchanged" : "CHANGED");
        if (serverErrors > 0 || failures > 0 || !unchanged) System.exit(1);
    }
}

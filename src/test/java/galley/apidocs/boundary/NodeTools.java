package galley.apidocs.boundary;

import static org.junit.jupiter.api.Assertions.fail;

import galley.testing.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node tools of the integration tests (src/test/js, copied to target/js and installed there with
 * {@code npm ci} by the build before the integration tests), run as child processes with a time limit. Their
 * output goes to the test's output (the failsafe report) and, on failure, into the assertion message.
 */
final class NodeTools {

    /** Where the build put the scripts and their node_modules. */
    static final Path DIR = Path.of(System.getProperty("galley.js.dir", "target/js")).toAbsolutePath();
    /** The build directory: the document files, the generated client and the screenshot go here. */
    static final Path TARGET = DIR.getParent();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GALLEY_CHROMIUM", "/usr/bin/chromium"));

    private NodeTools() {
    }

    record Result(int exitCode, String output) {
    }

    /**
     * The browser and typed-client tests run in the H2 execution only: the document and the pages are the same
     * on PostgreSQL, and each run costs a Node toolchain start and a browser.
     */
    static void onlyOnH2() {
        Assumptions.assumeTrue("h2".equals(TestConfig.database()),
                "The Node-based tests (browser, typed client) run in the embedded-h2 execution only: the OpenAPI document and "
                        + "the API reference are the same on " + TestConfig.database());
    }

    /** Fails (never skips) when the build did not install the tools: the suite must not pass without them. */
    static void requireInstalled() {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            fail("The Node tools are not installed in " + DIR + ": run the tests with ./test.sh or mvn verify, which run npm ci "
                    + "there before the integration tests (they are skipped with -DskipTests and -DskipITs)");
        }
    }

    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the browser test needs Debian's chromium package. Run the tests with ./test.sh, "
                    + "which installs it (apt-get install -y --no-install-recommends chromium), then runs mvn -B verify");
        }
    }

    /** Runs {@code node} with {@code arguments} in {@code directory}; fails when it does not end within {@code limit}. */
    static Result node(Path directory, Map<String, String> environment, Duration limit, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("galley.node", "node"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        String shown = String.join(" ", command);
        System.out.println("$ (cd " + directory + " && " + shown + ")");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail("Could not start " + shown + " (is Node.js 20+ installed, as node on the PATH?): " + e.getMessage());
            throw new IllegalStateException(e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(5_000);
                fail(shown + " did not end within " + limit.toSeconds() + " s; its output:\n" + text(output));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        return new Result(process.exitValue(), text(output));
    }

    /** Like {@link #node}, failing with the tool's whole output when it does not exit 0. */
    static String succeed(String what, Path directory, Map<String, String> environment, Duration limit, String... arguments) {
        Result result = node(directory, environment, limit, arguments);
        if (result.exitCode() != 0) fail(what + " failed (exit " + result.exitCode() + "):\n" + result.output());
        return result.output();
    }

    private static void copy(InputStream in, StringBuilder output) {
        char[] buffer = new char[8192];
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) > 0; ) {
                String chunk = new String(buffer, 0, n);
                System.out.print(chunk);
                synchronized (output) {
                    output.append(chunk);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(StringBuilder output) {
        synchronized (output) {
            return output.toString();
        }
    }
}

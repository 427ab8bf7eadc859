package galley.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * A real HTTP receiver in the test JVM (loopback, random port) that Galley's separate Payara process
 * posts to: it answers each request with the status {@code answers} gives for its number (1 for the first
 * request of a delivery),
 * optionally only once a gate opens, and keeps every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as received: what the receiver read off the wire. */
    public record Received(String path, Headers headers, byte[] body) {

        public String header(String name) {
            return headers.getFirst(name);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        }

        public String type() {
            return json().getString("type");
        }

        public String dataId() {
            JsonObject data = json().getJsonObject("data");
            return data.containsKey("id") ? data.getString("id") : data.getString("webhookId", null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final java.util.Map<String, AtomicInteger> perDelivery = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger entered = new AtomicInteger();
    private final IntUnaryOperator answers;
    private volatile CountDownLatch gate;

    private WebhookReceiver(IntUnaryOperator answers) {
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver answering {@code status} to every request. */
    public static WebhookReceiver answering(int status) {
        return new WebhookReceiver(n -> status);
    }

    /** A receiver answering the n-th request of each delivery (from 1) with {@code answers.applyAsInt(n)}. */
    public static WebhookReceiver answering(IntUnaryOperator answers) {
        return new WebhookReceiver(answers);
    }

    /** Requests are held, unanswered, until {@link #open()}. */
    public WebhookReceiver gated() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void open() {
        if (gate != null) gate.countDown();
    }

    /** How many requests have reached the handler (answered or held). */
    public int entered() {
        return entered.get();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            entered.incrementAndGet();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (received) {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
            }
            String delivery = String.valueOf(exchange.getRequestHeaders().getFirst("X-Galley-Delivery"));
            int status = answers.applyAsInt(perDelivery.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet());
            if (status >= 300 && status < 400) exchange.getResponseHeaders().add("Location", url("/redirected"));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> received(Predicate<Received> which) {
        return received().stream().filter(which).toList();
    }

    /** Waits (up to {@code patience}) until {@code done} holds for the requests received so far; returns them. */
    public List<Received> await(Predicate<List<Received>> done, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Received> now = received();
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = received();
        }
        return now;
    }

    @Override
    public void close() {
        open();
        server.stop(0);
        threads.shutdownNow();
    }

    public static List<String> types(List<Received> requests) {
        List<String> types = new ArrayList<>();
        for (Received r : requests) types.add(r.type());
        return types;
    }
}

package galley.cluster;

import galley.testing.Api;
import galley.testing.Content;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of admin writes from several clients to one node: each client creates an article (an author, two
 * tags, a reference), edits it (new title, a second reference, a third tag), publishes it, and starts over,
 * until its node stops answering. What each write would leave behind is recorded when it is sent, and marked
 * acknowledged when the node answered it with success; a write that got no answer is in flight (it may or
 * may not have been committed). {@link #checkOn} then reads every article through another node.
 */
final class Writes {

    /** What an article must look like after a write: its title, how many references and tags, whether public. */
    record State(String title, int references, int tags, boolean published, long version) {
    }

    /** One article of the stream: the states its acknowledged writes left, and the write in flight, if any. */
    static final class Tracked {
        final String id;
        final String slug;
        final List<State> acknowledged = new ArrayList<>();
        State inFlight;

        Tracked(String id, String slug) {
            this.id = id;
            this.slug = slug;
        }
    }

    record Check(int lost, List<String> problems) {
    }

    private final Api admin;
    private final UUID author;
    private final int clients;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Tracked> tracked = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Writes(Api admin, UUID author, int clients) {
        this.admin = admin;
        this.author = author;
        this.clients = clients;
    }

    void start() {
        // The tags exist before the clients race to use them (two creating the same new tag: one gets a 409 to retry).
        admin.post("api/admin/articles", input(Content.unique("Crash Tags"), 1, 3).build()).expect(201);
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(this::client, "writer-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Waits until every client has stopped (they stop when their node no longer answers). */
    void awaitEnd(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread t : threads) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        stop.set(true);
        for (Thread t : threads) t.join(5000);
    }

    int sent() {
        return sent.get();
    }

    int acknowledged() {
        return acknowledged.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    private void client() {
        while (!stop.get()) {
            String title = Content.unique("Crash Write");
            JsonObject created;
            try {
                created = write(() -> admin.post("api/admin/articles", input(title, 1, 2).build()), 201);
            } catch (NoAnswer e) {
                return;
            }
            if (created == null) continue;
            Tracked t = new Tracked(created.getString("id"), created.getString("slug"));
            t.acknowledged.add(new State(title, 1, 2, false, created.getJsonNumber("version").longValue()));
            tracked.add(t);
            State edited = new State("Edited " + title, 2, 3, false, t.acknowledged.get(0).version() + 1);
            Step result = step(t, edited, () -> admin.put("api/admin/articles/" + t.id,
                    input(edited.title(), 2, 3).add("slug", t.slug).build(), "If-Match", "\"" + (edited.version() - 1) + "\""), 200);
            if (result == Step.NO_ANSWER) return;
            if (result == Step.REFUSED) continue;
            State published = new State(edited.title(), 2, 3, true, edited.version() + 1);
            if (step(t, published, () -> admin.post("api/admin/articles/" + t.id + "/publish", null), 200) == Step.NO_ANSWER) return;
        }
    }

    private enum Step { ACKNOWLEDGED, REFUSED, NO_ANSWER }

    /** Sends one write of {@code t} that would leave {@code after}; without an answer the client stops. */
    private Step step(Tracked t, State after, java.util.function.Supplier<Api.Reply> request, int expected) {
        synchronized (t) {
            t.inFlight = after;
        }
        try {
            JsonObject answer = write(request, expected);
            synchronized (t) {
                t.inFlight = null;
                if (answer != null) t.acknowledged.add(after);
            }
            return answer == null ? Step.REFUSED : Step.ACKNOWLEDGED;
        } catch (NoAnswer e) {
            return Step.NO_ANSWER;
        }
    }

    private static final class NoAnswer extends Exception {
        NoAnswer(Throwable cause) {
            super(cause);
        }
    }

    /** The answer's body when it was {@code expected}; null (recorded) when the node refused; NoAnswer when none came. */
    private JsonObject write(java.util.function.Supplier<Api.Reply> request, int expected) throws NoAnswer {
        sent.incrementAndGet();
        Api.Reply reply;
        try {
            reply = request.get();
        } catch (RuntimeException e) {
            // The connection failed or closed without an answer: the node died with this write in flight.
            inFlight.incrementAndGet();
            stop.set(true);
            throw new NoAnswer(e);
        }
        if (reply.status() != expected) {
            refusals.add(reply.toString());
            return null;
        }
        acknowledged.incrementAndGet();
        return reply.json();
    }

    JsonObjectBuilder input(String title, int references, int tags) {
        JsonObjectBuilder input = Content.article("en", title, author);
        var refs = Json.createArrayBuilder();
        for (int n = 1; n <= references; n++) {
            refs.add(Json.createObjectBuilder().add("number", n).add("title", "Source " + n).add("url", "https://example.org/" + n));
        }
        var tagList = Json.createArrayBuilder();
        for (int n = 1; n <= tags; n++) tagList.add("Crash Tag " + n);
        return input.add("references", refs).add("tags", tagList);
    }

    /**
     * Reads every article of the stream through {@code admin} and {@code reader} (another node): each must be in
     * the state of its last acknowledged write, or of the write that was in flight, and complete. (Creations
     * that got no answer may exist or not; the test checks in the database that no article is incomplete.)
     */
    Check checkOn(Api otherAdmin, Api otherReader) {
        List<String> problems = new ArrayList<>(refusals.stream().map(r -> "refused before the kill: " + r).toList());
        int lost = 0;
        for (Tracked t : tracked) {
            List<State> acceptable = new ArrayList<>();
            State last;
            synchronized (t) {
                last = t.acknowledged.get(t.acknowledged.size() - 1);
                acceptable.add(last);
                if (t.inFlight != null) acceptable.add(t.inFlight);
            }
            Api.Reply read = otherAdmin.get("api/admin/articles/" + t.id);
            if (read.status() != 200) {
                lost++;
                problems.add(t.id + ": acknowledged, but " + read.status() + " on the other node");
                continue;
            }
            State actual = stateOf(read.json());
            if (acceptable.stream().noneMatch(s -> same(s, actual))) {
                if (actual.version() < last.version()) lost++;
                problems.add(t.id + ": " + actual + " on the other node, expected one of " + acceptable);
            }
            if (actual.published()) {
                Api.Reply pub = otherReader.get("api/articles/" + t.slug);
                if (pub.status() != 200 || !actual.title().equals(pub.json().getString("title"))) {
                    problems.add(t.id + ": published, but the public read on the other node answered " + pub);
                }
            }
        }
        return new Check(lost, problems);
    }

    private static boolean same(State expected, State actual) {
        return expected.title().equals(actual.title()) && expected.references() == actual.references()
                && expected.tags() == actual.tags() && expected.published() == actual.published() && expected.version() == actual.version();
    }

    private static State stateOf(JsonObject article) {
        JsonArray tags = article.getJsonArray("tags");
        return new State(article.getString("title"), article.getJsonArray("references").size(), tags == null ? 0 : tags.size(),
                "PUBLISHED".equals(article.getString("status")), article.getJsonNumber("version").longValue());
    }
}

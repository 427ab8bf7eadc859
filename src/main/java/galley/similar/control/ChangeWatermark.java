package galley.similar.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which article versions a node's similarity memory has taken in, and from which {@code updated_at} to look
 * for the others. {@code updated_at} is written by the node that made the change, before its commit: a change
 * can become visible after a newer one, and nodes' clocks differ. So every look goes back {@link #MARGIN}
 * before the newest time seen, and the versions seen in that window are remembered so that a look takes in
 * each change once. An article whose change the index does not hold yet is unsettled: looked at again every
 * time, however old its {@code updated_at} grows.
 */
final class ChangeWatermark {

    /** Longer than a writing transaction (an import of 1,000 articles) and any clock difference between nodes. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    private record Seen(long version, Instant updatedAt) {
    }

    private Instant newest;
    private final Map<UUID, Seen> seen = new HashMap<>();
    private final Set<UUID> unsettled = new HashSet<>();

    /** Starts over from {@code at} (a full run that read the collection from then on). */
    synchronized void start(Instant at) {
        newest = at;
        seen.clear();
        unsettled.clear();
    }

    /** Nothing to keep current any more. */
    synchronized void stop() {
        newest = null;
        seen.clear();
        unsettled.clear();
    }

    /** Articles updated after this may be unknown; null when stopped. */
    synchronized Instant from() {
        return newest == null ? null : newest.minus(MARGIN);
    }

    /** Whether this version of the article still has to be taken in. */
    synchronized boolean isNew(UUID id, long version) {
        Seen known = seen.get(id);
        return known == null || known.version() < version;
    }

    /** The article was taken in, in this version. */
    synchronized void seen(UUID id, long version, Instant updatedAt) {
        if (newest == null) return;
        Seen known = seen.get(id);
        if (known == null || known.version() <= version) seen.put(id, new Seen(version, updatedAt));
        unsettled.remove(id);
        if (updatedAt.isAfter(newest)) newest = updatedAt;
        // Out of the window: a look will not return them again, unless they change.
        Instant from = newest.minus(MARGIN);
        seen.values().removeIf(s -> s.updatedAt().isBefore(from));
    }

    /** The article changed but could not be taken in yet (the index is behind): looked at again next time. */
    synchronized void unsettled(UUID id) {
        if (newest != null) unsettled.add(id);
    }

    /** The article is gone (deleted): nothing more to look at. */
    synchronized void gone(UUID id) {
        unsettled.remove(id);
        seen.remove(id);
    }

    synchronized Set<UUID> unsettled() {
        return Set.copyOf(unsettled);
    }
}

package galley.security.control;

import galley.errors.control.TooManyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing down, per account and per client address: after a number of failed sign-ins
 * in a row, each further attempt must wait, twice as long after every failure (from one second up to
 * fifteen minutes). A successful sign-in clears the account's count; the address's count fades with time.
 * Counted per node: on a cluster an attacker gets the allowance once per node, still far too little to guess.
 */
@ApplicationScoped
public class SignInThrottle {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    @Inject
    @ConfigProperty(name = "galley.sign-in.failures-per-account", defaultValue = "5")
    int perAccount;

    @Inject
    @ConfigProperty(name = "galley.sign-in.failures-per-address", defaultValue = "20")
    int perAddress;

    Clock clock = Clock.systemUTC();

    record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    /** Refuses (429, with how long to wait) when the account or the address must wait. */
    public void check(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(accounts.get(key(username)), perAccount, now), waitFor(addresses.get(address), perAddress, now));
        if (!wait.isZero()) throw new TooManyRequests("Too many failed sign-ins: try again later", wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (accounts.size() > MAX_TRACKED || addresses.size() > MAX_TRACKED) forgetOld(now);
        accounts.merge(key(username), new Failures(1, now), (a, b) -> new Failures(fresh(a, now) + 1, now));
        if (address != null) addresses.merge(address, new Failures(1, now), (a, b) -> new Failures(fresh(a, now) + 1, now));
    }

    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    private static int fresh(Failures f, Instant now) {
        return f.last().plus(MEMORY).isBefore(now) ? 0 : f.count();
    }

    static Duration waitFor(Failures f, int allowed, Instant now) {
        if (f == null || fresh(f, now) < allowed) return Duration.ZERO;
        int beyond = Math.min(f.count() - allowed, 20);
        Duration backoff = Duration.ofSeconds(1L << beyond);
        if (backoff.compareTo(LONGEST_WAIT) > 0) backoff = LONGEST_WAIT;
        Duration left = Duration.between(now, f.last().plus(backoff));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void forgetOld(Instant now) {
        accounts.values().removeIf(f -> fresh(f, now) == 0);
        addresses.values().removeIf(f -> fresh(f, now) == 0);
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}

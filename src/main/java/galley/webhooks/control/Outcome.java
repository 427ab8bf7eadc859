package galley.webhooks.control;

import java.time.Instant;

/** How one attempt ended: the HTTP status, or the error when there was no answer. */
public record Outcome(Instant startedAt, int durationMs, Integer statusCode, String error) {

    /** Longest error message kept in the delivery log. */
    static final int MAX_ERROR = 500;

    public static Outcome answered(Instant startedAt, int durationMs, int statusCode) {
        return new Outcome(startedAt, durationMs, statusCode, null);
    }

    public static Outcome failed(Instant startedAt, int durationMs, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Outcome(startedAt, durationMs, null, clip(message));
    }

    /** Only a 2xx answer delivers; redirects are not followed and count as failures. */
    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    static String clip(String message) {
        if (message == null) return null;
        String oneLine = message.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR - 1) + "…";
    }
}

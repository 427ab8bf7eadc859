package galley.search.control;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What a failed search means, whichever backend ran it: a query the engine could not parse (the caller's
 * fault, 400), an engine that is away or overloaded (503, try again later), or a fault of Galley's own.
 */
public final class SearchFailures {

    public enum Kind { SYNTAX, UNAVAILABLE, OTHER }

    /**
     * How Hibernate Search reports an OpenSearch answer: "Response: 503 'Service Unavailable' ...", or none at all
     * ("Response: (no response)": its schema-management failure reports carry the text, not the ConnectException).
     */
    private static final Pattern SERVER_BUSY_OR_DOWN = Pattern.compile("Response: ((5\\d\\d|429)\\b|\\(no response\\))");
    private static final Pattern BAD_QUERY = Pattern.compile(
            "Response: 400\\b.*(query_shard_exception|parse_exception|Failed to parse query|too_many_(nested_)?clauses)",
            Pattern.DOTALL);

    private SearchFailures() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.apache.lucene.queryparser.classic.ParseException
                    || t instanceof org.apache.lucene.queryparser.flexible.core.QueryNodeException
                    || t instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
                return Kind.SYNTAX;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (BAD_QUERY.matcher(message).find()) return Kind.SYNTAX;
            // Connection refused, reset or timed out, or the cluster answering 5xx/429.
            if (t instanceof IOException || SERVER_BUSY_OR_DOWN.matcher(message).find()) return Kind.UNAVAILABLE;
            if (t.getCause() == t) break;
        }
        return Kind.OTHER;
    }
}

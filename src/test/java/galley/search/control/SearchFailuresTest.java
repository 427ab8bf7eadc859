package galley.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import org.hibernate.search.util.common.SearchException;
import org.junit.jupiter.api.Test;

class SearchFailuresTest {

    @Test
    void aClusterThatDoesNotAnswerIsUnavailable() {
        var refused = new SearchException("HSEARCH400007: Elasticsearch request failed: Connection refused",
                new ConnectException("Connection refused"));
        assertEquals(SearchFailures.Kind.UNAVAILABLE, SearchFailures.classify(refused));
        var busy = new SearchException("HSEARCH400007: Elasticsearch request failed: HSEARCH400090: Elasticsearch response indicates a failure.\n"
                + "Request: POST /article-read/_search\nResponse: 503 'Service Unavailable' from 'http://localhost:9200'");
        assertEquals(SearchFailures.Kind.UNAVAILABLE, SearchFailures.classify(busy));
        // Schema management collects failures as text: no exception cause to go by.
        var schemaRefused = new SearchException("HSEARCH000520: Hibernate Search encountered failures during Schema management. Failures:\n\n"
                + "    type 'galley.articles.entity.Article': \n        failures: \n          - HSEARCH400034: Unable to retrieve index metadata "
                + "from Elasticsearch: HSEARCH400007: Elasticsearch request failed: Connection refused\n            Request: GET "
                + "/article-write,article-read with parameters {ignore_unavailable=true, allow_no_indices=true}\n            Response: (no response)");
        assertEquals(SearchFailures.Kind.UNAVAILABLE, SearchFailures.classify(schemaRefused));
    }

    @Test
    void aQueryTheEngineCannotParseIsTheCallersFault() {
        var refused = new SearchException("HSEARCH400007: Elasticsearch request failed: HSEARCH400090: Elasticsearch response indicates a failure.\n"
                + "Request: POST /article-read/_search\nResponse: 400 'Bad Request' from 'http://localhost:9200' with body\n"
                + "{\"error\":{\"root_cause\":[{\"type\":\"query_shard_exception\",\"reason\":\"Failed to parse query [a AND]\"}]}}");
        assertEquals(SearchFailures.Kind.SYNTAX, SearchFailures.classify(refused));
        var lucene = new SearchException("HSEARCH000001: Cannot parse", new org.apache.lucene.queryparser.classic.ParseException("Cannot parse"));
        assertEquals(SearchFailures.Kind.SYNTAX, SearchFailures.classify(lucene));
    }

    @Test
    void anythingElseIsGalleysOwnFault() {
        assertEquals(SearchFailures.Kind.OTHER, SearchFailures.classify(new SearchException("HSEARCH000520: Unknown field 'x'")));
        assertEquals(SearchFailures.Kind.OTHER, SearchFailures.classify(new IllegalStateException("bug")));
    }
}

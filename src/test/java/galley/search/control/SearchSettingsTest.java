package galley.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

    private static Map<String, Object> settings(String... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    @Test
    void luceneIsTheDefaultWithItsIndexInTheDataDirectoryAndNoCoordination() {
        Map<String, Object> out = SearchSettings.translate(settings(
                SearchSettings.BACKEND, "", SearchSettings.INDEX_DIRECTORY, "/data/index", SearchSettings.COORDINATION, ""));
        assertEquals("lucene", out.get("hibernate.search.backend.type"));
        assertEquals("/data/index", out.get("hibernate.search.backend.directory.root"));
        assertEquals("class:galley.search.control.LanguageAnalysis", out.get("hibernate.search.backend.analysis.configurer"));
        assertEquals("none", out.get("hibernate.search.coordination.strategy"));
        assertEquals("sync", out.get("hibernate.search.indexing.plan.synchronization.strategy"));
        assertFalse(out.containsKey("hibernate.search.backend.uris"));
    }

    @Test
    void openSearchGetsItsAddressesItsAnalyzersAndTheOutbox() {
        Map<String, Object> out = SearchSettings.translate(settings(
                SearchSettings.BACKEND, "OpenSearch", SearchSettings.URIS, "http://a:9200,http://b:9200",
                SearchSettings.USERNAME, "galley", SearchSettings.PASSWORD, "secret", SearchSettings.VERSION, "3.4",
                SearchSettings.INDEX_DIRECTORY, "/data/index"));
        assertEquals("elasticsearch", out.get("hibernate.search.backend.type"));
        assertEquals("http://a:9200,http://b:9200", out.get("hibernate.search.backend.uris"));
        assertEquals("galley", out.get("hibernate.search.backend.username"));
        assertEquals("secret", out.get("hibernate.search.backend.password"));
        assertEquals("opensearch:3.4", out.get("hibernate.search.backend.version"));
        assertEquals("false", out.get("hibernate.search.backend.version_check.enabled"));
        assertEquals("class:galley.search.control.OpenSearchAnalysis", out.get("hibernate.search.backend.analysis.configurer"));
        assertEquals("outbox-polling", out.get("hibernate.search.coordination.strategy"));
        assertFalse(out.containsKey("hibernate.search.backend.directory.root"), "no Lucene setting left unused");
    }

    @Test
    void openSearchWithoutCredentialsOrVersionLeavesThemOut() {
        Map<String, Object> out = SearchSettings.translate(settings(SearchSettings.BACKEND, "elasticsearch",
                SearchSettings.USERNAME, "", SearchSettings.PASSWORD, "", SearchSettings.VERSION, ""));
        assertEquals("http://localhost:9200", out.get("hibernate.search.backend.uris"));
        assertFalse(out.containsKey("hibernate.search.backend.username"));
        assertFalse(out.containsKey("hibernate.search.backend.version"));
    }

    @Test
    void openSearchMayIndexWithoutTheOutbox() {
        Map<String, Object> out = SearchSettings.translate(settings(SearchSettings.BACKEND, "opensearch", SearchSettings.COORDINATION, "none"));
        assertEquals("none", out.get("hibernate.search.coordination.strategy"));
        assertEquals("sync", out.get("hibernate.search.indexing.plan.synchronization.strategy"));
    }

    @Test
    void refusesWhatCannotWork() {
        var lucenePolling = assertThrows(IllegalArgumentException.class, () -> SearchSettings.translate(settings(
                SearchSettings.BACKEND, "lucene", SearchSettings.COORDINATION, "outbox-polling")));
        assertTrue(lucenePolling.getMessage().contains("opensearch"), lucenePolling.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.translate(settings(SearchSettings.BACKEND, "solr")));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.translate(settings(
                SearchSettings.BACKEND, "opensearch", SearchSettings.COORDINATION, "database-polling")));
    }
}

package galley.search.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Turns Galley's search settings into Hibernate Search's, before Hibernate builds the persistence unit:
 * {@code galley.search.backend} chooses the embedded Lucene index (one node, the default) or an
 * OpenSearch cluster shared by every node, and the settings each of them needs follow from that choice
 * (analysis configurer, index location or cluster addresses, coordination). persistence.xml carries the
 * {@code galley.search.*} keys as {@code ${MPCONFIG=...}} placeholders (resolved from system properties and
 * environment variables at deployment); only their translation lives here, so it can be tested without a
 * server. Registered in {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}.
 */
public class SearchSettings implements ServiceContributor {

    public static final String BACKEND = "galley.search.backend";
    public static final String URIS = "galley.search.opensearch.uris";
    public static final String USERNAME = "galley.search.opensearch.username";
    public static final String PASSWORD = "galley.search.opensearch.password";
    public static final String VERSION = "galley.search.opensearch.version";
    public static final String COORDINATION = "galley.search.coordination";
    public static final String INDEX_DIRECTORY = "galley.search.lucene.directory";

    /** The search backends Galley runs on. */
    public enum Backend {
        LUCENE, OPENSEARCH;

        static Backend of(String value) {
            if (value == null || value.isBlank()) return LUCENE;
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "lucene" -> LUCENE;
                // Hibernate Search talks to both through the same backend.
                case "opensearch", "elasticsearch" -> OPENSEARCH;
                default -> throw new IllegalArgumentException(BACKEND + " must be lucene or opensearch, not '" + value + "'");
            };
        }
    }

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        translate(builder.getSettings()).forEach(builder::applySetting);
    }

    /** The Hibernate Search settings that follow from Galley's ({@code galley.search.*}) among {@code settings}. */
    public static Map<String, Object> translate(Map<String, Object> settings) {
        Backend backend = Backend.of(text(settings, BACKEND));
        String coordination = text(settings, COORDINATION);
        Map<String, Object> out = new LinkedHashMap<>();
        if (backend == Backend.LUCENE) {
            if (coordination != null && !coordination.equalsIgnoreCase("none")) {
                // Each node's Lucene index would get only its share of the outbox's events.
                throw new IllegalArgumentException(COORDINATION + "=" + coordination
                        + " needs an index every node shares: set " + BACKEND + "=opensearch, or leave " + COORDINATION + " unset");
            }
            out.put("hibernate.search.backend.type", "lucene");
            out.put("hibernate.search.backend.directory.root", text(settings, INDEX_DIRECTORY));
            out.put("hibernate.search.backend.lucene_version", "9.12");
            out.put("hibernate.search.backend.analysis.configurer", "class:" + LanguageAnalysis.class.getName());
            out.put("hibernate.search.schema_management.strategy", "create-or-validate");
            // A change is searchable (and similar posts can be computed from it) when its transaction ends.
            out.put("hibernate.search.indexing.plan.synchronization.strategy", "sync");
            out.put("hibernate.search.coordination.strategy", "none");
            return out;
        }
        String uris = text(settings, URIS);
        out.put("hibernate.search.backend.type", "elasticsearch");
        out.put("hibernate.search.backend.uris", uris == null ? "http://localhost:9200" : uris);
        String username = text(settings, USERNAME);
        if (username != null) {
            out.put("hibernate.search.backend.username", username);
            String password = text(settings, PASSWORD);
            if (password != null) out.put("hibernate.search.backend.password", password);
        }
        String version = text(settings, VERSION);
        if (version != null) {
            // Known in advance: no version request at boot.
            out.put("hibernate.search.backend.version", version.contains(":") ? version : "opensearch:" + version);
            out.put("hibernate.search.backend.version_check.enabled", "false");
        }
        out.put("hibernate.search.backend.analysis.configurer", "class:" + OpenSearchAnalysis.class.getName());
        // The index (aliases article-read and article-write) is created at start-up when missing, else checked
        // against the mapping, by SearchIndex.prepareSchema rather than at boot: nodes starting together race to
        // create it, and Hibernate Search fails the one that loses; and a node whose settings name the version
        // can start while the cluster is away (StartupTasks prepares the index once it answers). A running node
        // survives the cluster's outages.
        out.put("hibernate.search.schema_management.strategy", "none");
        // Requests that fail fast when the cluster is away: a search answers 503 in seconds, not minutes.
        out.put("hibernate.search.backend.connection_timeout", "3000");
        out.put("hibernate.search.backend.read_timeout", "30000");
        String strategy = coordination == null ? "outbox-polling" : coordination.strip().toLowerCase(Locale.ROOT);
        if (!strategy.equals("outbox-polling") && !strategy.equals("none")) {
            throw new IllegalArgumentException(COORDINATION + " must be outbox-polling or none, not '" + coordination + "'");
        }
        out.put("hibernate.search.coordination.strategy", strategy);
        if (strategy.equals("outbox-polling")) {
            // Writes only add outbox rows in their transaction; every node's agent indexes its share of them.
            out.put("hibernate.search.coordination.event_processor.polling_interval", "100");
            // A failed event (cluster away) is retried after this delay, three times, then set aside as aborted;
            // SearchBackendMonitor puts aborted events back once the cluster answers again.
            out.put("hibernate.search.coordination.event_processor.retry_delay", "2");
        } else {
            out.put("hibernate.search.indexing.plan.synchronization.strategy", "sync");
        }
        return out;
    }

    private static String text(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        if (value == null) return null;
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}

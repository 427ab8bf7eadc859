package galley.module.boundary;

import galley.GalleyApplication;
import galley.apidocs.boundary.ApiDocsPages;
import galley.caching.boundary.CachedAnswers;
import galley.errors.boundary.RequestIds;
import galley.metrics.boundary.RequestMetrics;
import galley.module.control.Mount;
import galley.requests.boundary.BodyLimit;
import galley.requests.boundary.SecurityHeaders;
import galley.security.boundary.BearerAuthentication;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ApplicationPath;
import java.util.Collection;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Galley as a module of another application (declared only in the module jar's
 * {@code META-INF/web-fragment.xml}; {@code galley.war} declares the same parts in its {@code web.xml}).
 * Finds where the host put Galley's API (its servlet mapping of {@code galley.GalleyApplication}, else the
 * {@code @ApplicationPath}) and maps Galley's servlet filters and the API reference under that path only,
 * so the host's own paths never see them.
 */
public class ModuleSetup implements ServletContextListener {

    /** Names of what is added to the host, prefixed so they cannot clash with the host's own. */
    static final String BEARER_AUTHENTICATION = "galley-bearer-authentication";
    static final String REQUEST_METRICS = "galley-request-metrics";
    static final String SECURITY_HEADERS = "galley-security-headers";
    static final String BODY_LIMIT = "galley-body-limit";
    static final String CACHED_ANSWERS = "galley-cached-answers";
    static final String REQUEST_ID = "galley-request-id";
    static final String API_DOCS = "galley-api-docs";

    private static final Logger LOG = Logger.getLogger(ModuleSetup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Mount mount = Mount.module(context.getContextPath(), apiPath(context));
        String under = mount.apiPath() + "/*";
        // After the host's own filters: the host decides what reaches Galley (its own sign-in, say). In the order of
        // galley.war's web.xml; /metrics (MetricsAccess) is the host's business.
        EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
        EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC);
        filter(context, BEARER_AUTHENTICATION, BearerAuthentication.class).addMappingForUrlPatterns(request, true, under);
        filter(context, REQUEST_METRICS, RequestMetrics.class).addMappingForUrlPatterns(request, true, under);
        filter(context, SECURITY_HEADERS, SecurityHeaders.class).addMappingForUrlPatterns(dispatches, true, under);
        filter(context, BODY_LIMIT, BodyLimit.class).addMappingForUrlPatterns(request, true, under);
        filter(context, CACHED_ANSWERS, CachedAnswers.class).addMappingForUrlPatterns(request, true, under);
        filter(context, REQUEST_ID, RequestIds.class).addMappingForUrlPatterns(request, true, under);
        ServletRegistration.Dynamic docs = context.addServlet(API_DOCS, ApiDocsPages.class);
        docs.addMapping(mount.apiPath() + ApiDocsPages.DOCS, mount.apiPath() + ApiDocsPages.DOCS + "/*");
        LOG.info(() -> "Galley runs as a module: its API is at " + mount.publicApiPath());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Mount.reset();
    }

    private static FilterRegistration.Dynamic filter(ServletContext context, String name, Class<? extends jakarta.servlet.Filter> type) {
        FilterRegistration.Dynamic registration = context.addFilter(name, type);
        if (registration == null) throw new IllegalStateException("The application already has a filter named " + name);
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * The API's path: the Jakarta REST servlet of {@code galley.GalleyApplication} (the host's
     * {@code servlet-mapping} overrides the annotation), else {@code @ApplicationPath("api")}.
     */
    static String apiPath(ServletContext context) {
        ServletRegistration registration = context.getServletRegistration(GalleyApplication.class.getName());
        Collection<String> mappings = registration == null ? java.util.List.of() : registration.getMappings();
        if (mappings.isEmpty()) {
            String annotated = GalleyApplication.class.getAnnotation(ApplicationPath.class).value();
            return Mount.apiPathOf("/" + annotated.replaceAll("^/+|/+$", "") + "/*");
        }
        if (mappings.size() > 1) {
            throw new IllegalStateException("Map " + GalleyApplication.class.getName() + " to one path, not " + mappings);
        }
        String mapping = mappings.iterator().next();
        String path = Mount.apiPathOf(mapping);
        if (path == null) {
            throw new IllegalStateException("Map " + GalleyApplication.class.getName() + " to a path prefix such as /cms/api/*, not " + mapping);
        }
        return path;
    }
}

package galley.configuration.boundary;

import galley.configuration.control.StartWatch;
import galley.configuration.control.StartupTasks;
import galley.metrics.control.GalleyMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;

/**
 * Galley's start, when the web application's servlet context is initialised (before the first request):
 * registers the metrics and runs the {@link StartupTasks}. Declared in {@code galley.war}'s {@code web.xml} and,
 * after {@code galley.module.boundary.ModuleSetup}, in the module jar's web fragment.
 *
 * <p>Not a CDI {@code Startup} observer: in a host application (Galley's module jar in its {@code WEB-INF/lib})
 * Payara 7.2025.1 fires {@code Startup} before the WAR's naming environment is bound, so the persistence unit's
 * beans cannot find their unit then ("Unable to retrieve EntityManagerFactory for unitName galley"), and it does
 * not deliver {@code @Initialized(ApplicationScoped.class) ServletContext} to the beans of a library jar.
 */
public class ApplicationStart implements ServletContextListener {

    /** Usually done in a few seconds (the demo content included); an app server gives a deployment minutes. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try (StartWatch watch = StartWatch.of("Galley's start-up work", PATIENCE)) {
            CDI<Object> cdi = CDI.current();
            cdi.select(GalleyMetrics.class).get().register();
            cdi.select(StartupTasks.class).get().run();
        }
    }
}

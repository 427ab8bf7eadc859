package galley.configuration.control;

import galley.demo.control.DemoContent;
import galley.security.control.AdminBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * What runs once the application is deployed (the schema is migrated by then): the configured first
 * admin, then, in a demo run, the demo admin and demo content.
 */
@ApplicationScoped
public class StartupTasks {

    @Inject
    AdminBootstrap adminBootstrap;

    @Inject
    DemoContent demo;

    void onStartup(@Observes Startup startup) {
        adminBootstrap.run();
        demo.runIfEnabled();
    }
}

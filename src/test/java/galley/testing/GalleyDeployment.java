package galley.testing;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR the build produced, deployed unchanged into Payara Micro (one server per test class); tests
 * call it over real HTTP as clients. A subclass runs its own tests and those of the {@link GalleyTests}
 * interfaces it implements.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class GalleyDeployment implements GalleyTests {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive galley() {
        File war = new File(System.getProperty("galley.war", "target/galley.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    @Override
    public URL base() {
        return base;
    }
}

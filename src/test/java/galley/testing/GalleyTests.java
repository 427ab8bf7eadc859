package galley.testing;

import java.net.URL;

/**
 * What integration tests need of a deployed Galley: its address and an API client. Tests of one feature
 * are default methods of an interface extending this one, so that one deployment (a Payara Micro start of
 * about 20 s) serves the tests of several features: see the {@code *IT} classes that implement them.
 */
public interface GalleyTests {

    /** The deployment's base URL. */
    URL base();

    default Api api() {
        return new Api(base());
    }
}

package galley.module.host;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * The host application of {@code ModuleJarIT}: an application of its own that adds Galley's module jar
 * to its WAR. Its API is at {@code /own}; it lists its classes, as a host that shares its WAR with another
 * Jakarta REST application must (else it would serve Galley's resources too).
 */
@ApplicationPath("own")
public class HostApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Hello.class);
    }

    /** Something of the host's own. */
    @Path("hello")
    public static class Hello {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String hello() {
            return "hello from the host";
        }

        /** The size of the body it was sent: bodies over Galley's limit are the host's business. */
        @POST
        @Produces(MediaType.TEXT_PLAIN)
        public String count(InputStream body) throws IOException {
            return Long.toString(body.transferTo(java.io.OutputStream.nullOutputStream()));
        }
    }
}

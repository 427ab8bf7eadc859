package galley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GalleyApplication lists its resources and providers (so a host's are not mixed in): none may be missing. */
class GalleyApplicationTest {

    @Test
    void listsEveryResourceAndProviderOfGalley() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(GalleyApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> annotated = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, GalleyApplicationTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) || type.isAnnotationPresent(Provider.class)) annotated.add(name);
            }
        }
        Set<String> listed = new TreeSet<>();
        new GalleyApplication().getClasses().forEach(c -> listed.add(c.getName()));
        assertEquals(annotated, listed);
    }
}

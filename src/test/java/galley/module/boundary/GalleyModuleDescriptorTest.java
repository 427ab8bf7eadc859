package galley.module.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module's web fragment declares every persistence context Galley's classes inject (Payara ignores the annotations there). */
class GalleyModuleDescriptorTest {

    @Test
    void theFragmentDeclaresEveryPersistenceContext() throws Exception {
        Path classes = Path.of(galley.GalleyApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> injected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                for (Field field : Class.forName(name, false, getClass().getClassLoader()).getDeclaredFields()) {
                    if (field.isAnnotationPresent(PersistenceContext.class) || field.isAnnotationPresent(PersistenceUnit.class)) {
                        injected.add(name + "/" + field.getName());
                    }
                }
            }
        }
        String fragment = Files.readString(Path.of("src/main/module/META-INF/web-fragment.xml"));
        Set<String> declared = new TreeSet<>();
        Matcher target = Pattern.compile("<injection-target-class>([^<]+)</injection-target-class><injection-target-name>([^<]+)</injection-target-name>").matcher(fragment);
        while (target.find()) declared.add(target.group(1) + "/" + target.group(2));
        assertEquals(injected, declared);
    }
}

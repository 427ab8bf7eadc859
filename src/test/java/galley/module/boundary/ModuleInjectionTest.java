package galley.module.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.annotation.Resources;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContexts;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.PersistenceUnits;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of Galley asks the server for a resource by annotation ({@code @PersistenceContext},
 * {@code @PersistenceUnit}, {@code @Resource}): Payara 7.2025.1 binds those of CDI beans in a library jar as
 * String environment entries, and a host application with Galley's module jar fails to deploy. Entity
 * managers are {@code @Inject @GalleyUnit}; the server's executors, transaction registry and data source are
 * looked up ({@code galley.configuration.control.PlatformResources}).
 */
class ModuleInjectionTest {

    private static final List<Class<? extends Annotation>> SERVER_INJECTION = List.of(
            PersistenceContext.class, PersistenceContexts.class, PersistenceUnit.class, PersistenceUnits.class,
            Resource.class, Resources.class);

    @Test
    void noClassOfGalleyHasTheServerInjectResourcesByAnnotation() throws Exception {
        Path classes = Path.of(galley.GalleyApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> annotated = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                checked++;
                if (annotated(type)) annotated.add(name);
                for (Field field : type.getDeclaredFields()) {
                    if (annotated(field)) annotated.add(name + "." + field.getName());
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (annotated(method)) annotated.add(name + "." + method.getName() + "()");
                }
            }
        }
        assertTrue(checked > 100, "Galley's classes found: " + checked);
        assertEquals(Set.of(), annotated);
    }

    private static boolean annotated(AnnotatedElement element) {
        return SERVER_INJECTION.stream().anyMatch(element::isAnnotationPresent);
    }
}

package galley.requests.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every string and collection a client can send is bounded: each component of the {@code *Input} records
 * in {@code galley.*.boundary}, and of the records they contain, carries {@code @Size}, down to the
 * elements and map keys.
 */
class InputBoundsTest {

    @Test
    void everyStringAndCollectionOfEveryInputRecordIsBounded() throws IOException {
        List<Class<?>> inputs = inputRecords();
        assertTrue(inputs.size() >= 10, "input records found: " + inputs);
        List<String> unbounded = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> input : inputs) check(input, seen, unbounded);
        assertEquals(List.of(), unbounded);
    }

    private static void check(Class<?> record, Set<Class<?>> seen, List<String> unbounded) {
        if (!seen.add(record)) return;
        for (RecordComponent component : record.getRecordComponents()) {
            String where = record.getSimpleName() + "." + component.getName();
            boolean sized = fieldSized(record, component);
            checkType(component.getAnnotatedType(), sized, where, seen, unbounded);
        }
    }

    private static boolean fieldSized(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName()).isAnnotationPresent(Size.class)
                    || component.getAnnotatedType().isAnnotationPresent(Size.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkType(AnnotatedType type, boolean sized, String where, Set<Class<?>> seen, List<String> unbounded) {
        Class<?> raw = raw(type);
        boolean bounded = sized || type.isAnnotationPresent(Size.class);
        if (raw == String.class || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            if (!bounded) unbounded.add(where);
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                String part = Map.class.isAssignableFrom(raw) ? (i == 0 ? "<key>" : "<value>") : "<element>";
                checkType(arguments[i], false, where + part, seen, unbounded);
            }
        }
        if (raw.isRecord()) check(raw, seen, unbounded);
    }

    private static Class<?> raw(AnnotatedType type) {
        var t = type.getType();
        if (t instanceof Class<?> c) return c;
        if (t instanceof java.lang.reflect.ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static List<Class<?>> inputRecords() throws IOException {
        Path classes = Path.of("target/classes");
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("galley"))) {
            for (Path file : files.filter(f -> f.getParent().getFileName().toString().equals("boundary")
                    && f.getFileName().toString().endsWith("Input.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isRecord()) records.add(type);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return records;
    }
}

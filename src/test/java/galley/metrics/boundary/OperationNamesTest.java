package galley.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import galley.articles.boundary.ArticlesResource;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

class OperationNamesTest {

    @Test
    void operationsAreNamedByTheirOpenApiOperationId() throws Exception {
        Method listed = Arrays.stream(ArticlesResource.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Operation.class) && "listArticles".equals(m.getAnnotation(Operation.class).operationId()))
                .findFirst().orElseThrow();
        assertEquals("listArticles", OperationNames.of(listed));
    }

    @Test
    void methodsOutsideTheDocumentAreNamedByClassAndMethod() throws Exception {
        assertEquals("OperationNamesTest.unnamed", OperationNames.of(OperationNamesTest.class.getDeclaredMethod("unnamed")));
    }

    void unnamed() {
    }
}

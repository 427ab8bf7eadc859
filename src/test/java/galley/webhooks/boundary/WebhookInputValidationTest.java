package galley.webhooks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookInputValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static Set<String> invalidFields(WebhookInput input) {
        return validator.validate(input).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .map(path -> path.replaceAll("[\\[.].*", "")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aValidEndpoint() {
        assertEquals(Set.of(), invalidFields(new WebhookInput("https://build.example.org/hook", List.of("article.published", "author.updated"),
                "Site build", null, null)));
        assertEquals(Set.of(), invalidFields(new WebhookInput("http://127.0.0.1:9000/", List.of("article.deleted"), null, false,
                "a-secret-of-at-least-thirty-two-characters!")));
    }

    @Test
    void badUrlsEventsAndSecretsAreNamed() {
        assertEquals(Set.of("url"), invalidFields(new WebhookInput("javascript:alert(1)", List.of("article.published"), null, null, null)));
        assertEquals(Set.of("url"), invalidFields(new WebhookInput("ftp://example.org/x", List.of("article.published"), null, null, null)));
        assertEquals(Set.of("events"), invalidFields(new WebhookInput("https://example.org/", List.of(), null, null, null)));
        assertEquals(Set.of("events"), invalidFields(new WebhookInput("https://example.org/", List.of("article.created"), null, null, null)));
        assertEquals(Set.of("events"), invalidFields(new WebhookInput("https://example.org/", List.of("ping"), null, null, null)));
        assertEquals(Set.of("events"), invalidFields(new WebhookInput("https://example.org/", List.of("xarticle.published"), null, null, null)));
        assertEquals(Set.of("secret"), invalidFields(new WebhookInput("https://example.org/", List.of("article.published"), null, null, "short")));
        assertEquals(Set.of("secret"), invalidFields(new WebhookInput("https://example.org/", List.of("article.published"), null, null,
                "thirty-two characters but with spaces")));
    }
}

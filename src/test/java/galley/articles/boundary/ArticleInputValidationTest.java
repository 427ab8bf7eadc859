package galley.articles.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleInputValidationTest {

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

    static ArticleInput valid() {
        return new ArticleInput("csto-drills", "en", "CSTO Drills", "Excerpt", "Body.[^1]", null,
                new ImageView("https://images.example.org/a.jpg", "alt"), List.of(UUID.randomUUID()), List.of("CSTO"),
                List.of(new ReferenceView(1, "Citation", null, "Title", "Belta", "https://example.org/x", LocalDate.of(2022, 9, 30))),
                null, null);
    }

    private static Set<String> invalidFields(ArticleInput input) {
        return validator.validate(input).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aCompleteArticleIsValid() {
        assertEquals(Set.of(), invalidFields(valid()));
    }

    @Test
    void requiredFieldsAndFormats() {
        ArticleInput input = new ArticleInput("Not A Slug", "english", " ", null, null, null,
                new ImageView("javascript:alert(1)", null), null, List.of(""),
                List.of(new ReferenceView(0, null, null, "", null, "ftp://example.org", null)), null, null);
        assertEquals(new TreeSet<>(Arrays.asList("slug", "language", "title", "featuredImage.url", "tags[0].<list element>",
                "references[0].number", "references[0].title", "references[0].url")), invalidFields(input));
    }

    @Test
    void lengthsAreBounded() {
        ArticleInput v = valid();
        ArticleInput tooLong = new ArticleInput(v.slug(), v.language(), "t".repeat(301), "e".repeat(1001), "b".repeat(200_001),
                "s".repeat(321), v.featuredImage(), v.authors(), v.tags(), v.references(), null, null);
        assertEquals(Set.of("title", "excerpt", "body", "seoDescription"), invalidFields(tooLong));
    }

    @Test
    void nullAuthorIdsAreRejected() {
        ArticleInput v = valid();
        ArticleInput input = new ArticleInput(v.slug(), v.language(), v.title(), null, null, null, null,
                Arrays.asList(UUID.randomUUID(), null), null, null, null, null);
        assertTrue(invalidFields(input).stream().anyMatch(f -> f.startsWith("authors[1]")), invalidFields(input).toString());
    }
}

package galley.text.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleKeysTest {

    private static List<String> sorted(String language, String... titles) {
        return java.util.Arrays.stream(titles).sorted(Comparator.comparing(t -> TitleKeys.of(t, language))).toList();
    }

    @Test
    void turkishLettersSortAfterTheirBases() {
        assertEquals(List.of("Cuma", "Çay", "Ilık", "İstanbul", "Ocak", "Ölçü", "Sabah", "Şehir", "Uzun", "Üzüm"),
                sorted("tr", "Şehir", "Çay", "İstanbul", "Uzun", "Ocak", "Üzüm", "Cuma", "Ilık", "Sabah", "Ölçü"));
    }

    @Test
    void russianSortsByTheCyrillicAlphabetAndCaseDoesNotSplitWords() {
        assertEquals(List.of("армия", "Ёлка", "жизнь", "Яблоко"), sorted("ru", "Яблоко", "жизнь", "Ёлка", "армия"));
        assertEquals(List.of("apple", "Banana", "cherry"), sorted("en", "cherry", "Banana", "apple"));
    }
}

package galley.text.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void englishTitleBecomesLowerCaseHyphenated() {
        assertEquals("csto-drills-in-kazakhstan", Slugs.slugify("CSTO Drills in Kazakhstan"));
    }

    @Test
    void turkishLettersBecomeReadableAscii() {
        // Dotted capital İ, dotless ı, ş, ğ, ü, ö, ç: the Turkish characters a naive lower-casing breaks.
        assertEquals("istanbul-ve-izmir-arasinda-guclu-isbirligi-ozeti",
                Slugs.slugify("İstanbul ve İzmir Arasında Güçlü İşbirliği Özeti"));
        assertEquals("kgaonun-kazakistan-tatbikati", Slugs.slugify("KGAÖ’nün Kazakistan Tatbikatı"));
        assertEquals("ilik-bir-kis", Slugs.slugify("ILIK BİR KIŞ"));
    }

    @Test
    void russianIsTransliteratedWithBgnPcgn() {
        assertEquals("ucheniya-odkb-v-kazakhstane", Slugs.slugify("Учения ОДКБ в Казахстане"));
        assertEquals("russkiy", Slugs.slugify("Русский"));
    }

    @Test
    void punctuationAndApostrophesCollapse() {
        assertEquals("azerbaijan-armenia-whats-next", Slugs.slugify("  Azerbaijan–Armenia: What’s   Next?! "));
        assertEquals("", Slugs.slugify("?!…"));
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.slugify("word ".repeat(100), 30);
        assertTrue(slug.length() <= 30, slug);
        assertFalse(slug.endsWith("-"));
        assertEquals("word-word-word-word-word-word", slug);
    }

    @Test
    void unicodeSlugsKeepTheirScriptWithLanguageCaseRules() {
        assertEquals("ılık-istanbul", Slugs.slugifyUnicode("ILIK İstanbul", "tr", 100));
        assertEquals("учения-одкб", Slugs.slugifyUnicode("Учения ОДКБ", "ru", 100));
    }

    @Test
    void validation() {
        assertTrue(Slugs.isValid("csto-drills-2022"));
        assertTrue(Slugs.isValid("учения-одкб"));
        assertFalse(Slugs.isValid("Upper-Case"));
        assertFalse(Slugs.isValid("double--hyphen"));
        assertFalse(Slugs.isValid("-leading"));
        assertFalse(Slugs.isValid("../etc/passwd"));
        assertFalse(Slugs.isValid(""));
        assertFalse(Slugs.isValid(null));
    }
}

package galley.text.control;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs from titles and names. Non-Latin scripts are transliterated to readable ASCII with ICU
 * (Russian with the BGN/PCGN system, so "Учения" becomes "ucheniya"); Turkish dotted and dotless i
 * both become "i".
 */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    /** Lower-case letters and digits in runs joined by single hyphens, in any script. */
    public static final String PATTERN = "^[\\p{Ll}\\p{Lo}\\p{Nd}\\p{Mn}]+(?:-[\\p{Ll}\\p{Lo}\\p{Nd}\\p{Mn}]+)*$";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`´]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NON_ALNUM_UNICODE = Pattern.compile("[^\\p{Ll}\\p{Lo}\\p{Nd}\\p{Mn}]+");
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

    private Slugs() {
    }

    /** An ASCII slug for {@code text}, at most {@link #MAX_LENGTH} characters, or "" when nothing is left. */
    public static String slugify(String text) {
        return slugify(text, MAX_LENGTH);
    }

    public static String slugify(String text, int maxLength) {
        if (text == null) return "";
        String ascii = TO_ASCII.get().transliterate(APOSTROPHES.matcher(text).replaceAll(""));
        String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return trim(slug, maxLength);
    }

    /** A slug that keeps the text's own script, lower-cased by the rules of {@code language}. */
    public static String slugifyUnicode(String text, String language, int maxLength) {
        if (text == null) return "";
        Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
        String normalized = Normalizer2.getNFCInstance().normalize(APOSTROPHES.matcher(text).replaceAll(""));
        String slug = NON_ALNUM_UNICODE.matcher(normalized.toLowerCase(locale)).replaceAll("-");
        return trim(slug, maxLength);
    }

    public static boolean isValid(String slug) {
        return slug != null && !slug.isEmpty() && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String trim(String slug, int maxLength) {
        String s = stripHyphens(slug);
        if (s.length() <= maxLength) return s;
        String cut = s.substring(0, maxLength);
        int lastHyphen = cut.lastIndexOf('-');
        // Cut at a word boundary when that keeps most of the text.
        if (lastHyphen > maxLength / 2) cut = cut.substring(0, lastHyphen);
        return stripHyphens(cut);
    }

    private static String stripHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }
}

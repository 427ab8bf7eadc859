package galley.text.control;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.HexFormat;

/**
 * Sort keys for titles by the collation rules of their language (ICU): stored next to the title, they let
 * the database sort by language rules with a plain ORDER BY, on H2 and PostgreSQL alike.
 */
public final class TitleKeys {

    /** Stored keys are cut to this many hex digits (the column's length); titles rarely differ later. */
    public static final int MAX_LENGTH = 512;

    private TitleKeys() {
    }

    public static String of(String title, String language) {
        if (title == null) return null;
        Collator collator = Collator.getInstance(language == null ? ULocale.ROOT : ULocale.forLanguageTag(language));
        byte[] key = collator.getCollationKey(title).toByteArray();
        String hex = HexFormat.of().formatHex(key);
        return hex.length() > MAX_LENGTH ? hex.substring(0, MAX_LENGTH) : hex;
    }
}

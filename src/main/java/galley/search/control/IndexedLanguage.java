package galley.search.control;

import java.util.Locale;

/**
 * The languages the index analyses with their own rules (stop words, stemming, Turkish case mapping);
 * every other language is analysed generically. Each has its own fields in the index, so a query only
 * ever meets text analysed the way it is.
 */
public enum IndexedLanguage {
    ENGLISH("en"),
    TURKISH("tr"),
    RUSSIAN("ru"),
    OTHER("other");

    private final String key;

    IndexedLanguage(String key) {
        this.key = key;
    }

    /** The analysis a language tag gets: by its primary language subtag. */
    public static IndexedLanguage of(String languageTag) {
        if (languageTag == null) return OTHER;
        String primary = languageTag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        for (IndexedLanguage l : values()) {
            if (l.key.equals(primary)) return l;
        }
        return OTHER;
    }

    public String key() {
        return key;
    }

    /** Analyzer of running text: stop words removed, words stemmed. */
    public String analyzer() {
        return "text_" + key;
    }

    /** Analyzer that makes word pairs (bigrams) of the stemmed text. */
    public String pairAnalyzer() {
        return "pairs_" + key;
    }

    public String titleField() {
        return "title_" + key;
    }

    public String textField() {
        return "text_" + key;
    }

    public String tagsField() {
        return "tags_" + key;
    }

    public String pairsField() {
        return "pairs_" + key;
    }
}

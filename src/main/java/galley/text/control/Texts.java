package galley.text.control;

/** Small rules for text fields that every feature applies the same way. */
public final class Texts {

    private Texts() {
    }

    /** Trimmed text, or null when there is none: an empty optional field is an absent one. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

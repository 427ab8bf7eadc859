package galley.errors.control;

/** One thing wrong with one field of the input, named by its JSON path (e.g. {@code references[2].url}). */
public record FieldError(String field, String message) {
}

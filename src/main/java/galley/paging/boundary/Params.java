package galley.paging.boundary;

import galley.errors.control.InvalidRequest;
import galley.paging.control.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Query parameters parsed by hand, so a malformed one is a 400 naming it (JAX-RS would answer 404 for a
 * query parameter it cannot convert).
 */
public final class Params {

    private Params() {
    }

    public static PageRequest page(String page, String size) {
        return new PageRequest(integer("page", page, 1, 1, 1_000_000),
                integer("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE));
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) return defaultValue;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) throw new InvalidRequest(name, name + " must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidRequest(name, name + " must be a whole number between " + min + " and " + max);
        }
    }

    /**
     * A date or instant bound: {@code 2022-09-30} (a whole day, UTC) or {@code 2022-09-30T12:00:00Z}.
     * For an upper bound a date means the end of that day.
     */
    public static Instant instant(String name, String value, boolean upperBound) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name, name + " must be a date (2022-09-30) or an instant (2022-09-30T12:00:00Z)");
        }
    }

    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E defaultValue) {
        if (value == null || value.isBlank()) return defaultValue;
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) return e;
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(e.name().toLowerCase());
        throw new InvalidRequest(name, name + " must be one of " + allowed);
    }
}

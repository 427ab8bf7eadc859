package galley.paging.control;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, which page it is (from 1), the page size and the total count.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

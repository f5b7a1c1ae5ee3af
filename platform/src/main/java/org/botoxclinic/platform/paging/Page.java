package org.botoxclinic.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the one shape every list endpoint returns: {@code {"items": [...], "next": "..."}}.
 * {@code next} is the cursor to pass back as {@code ?cursor=} for the following page, null on the last one.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts a keyset query's result, fetched with {@code limit + 1} rows, to one page: the extra row only says that
     * another page exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorAfter.apply(items.get(items.size() - 1)).encode());
    }

    /** A list that is complete in one page. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, null);
    }

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}

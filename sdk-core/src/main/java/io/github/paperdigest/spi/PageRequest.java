package io.github.paperdigest.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the core asks a source for: one page of the results of {@code query}. Immutable.
 *
 * @param query the criteria the source evaluates natively (the rest the core applies)
 * @param pageToken the {@link Page#nextPageToken()} of the previous page, or null for the first
 * @param pageSizeHint how many papers the caller still wants, or 0 when unknown; a source may
 *     return fewer or more (a source with a fixed page size ignores it)
 */
public record PageRequest(QuerySpec query, @Nullable String pageToken, int pageSizeHint) {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if pageSizeHint is negative
   */
  public PageRequest {
    Objects.requireNonNull(query, "query == null");
    if (pageSizeHint < 0) {
      throw new IllegalArgumentException("pageSizeHint < 0: " + pageSizeHint);
    }
  }

  /** Whether this asks for the first page. */
  public boolean isFirst() {
    return pageToken == null;
  }
}

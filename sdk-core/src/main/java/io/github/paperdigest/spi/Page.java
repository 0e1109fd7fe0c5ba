package io.github.paperdigest.spi;

import io.github.paperdigest.model.Paper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a source's answer, in the common model. The core caches it for {@link #freshness()}
 * and asks for the next page with {@link #nextPageToken()} only when the caller reads that far.
 * Immutable.
 *
 * @param papers the papers of this page, in the source's order
 * @param nextPageToken an opaque token for the next page, or null if this is the last
 * @param totalResults how many results the publisher says the query has, or null if unknown
 * @param freshness how long this page may be served from cache ({@link Duration#ZERO}: never)
 * @param truncated whether the publisher cut its answer short, so that a digest made of it is
 *     incomplete
 */
public record Page(
    List<Paper> papers,
    @Nullable String nextPageToken,
    @Nullable Long totalResults,
    Duration freshness,
    boolean truncated) {

  /**
   * Copies the papers.
   *
   * @throws IllegalArgumentException if freshness is negative
   */
  public Page {
    papers = List.copyOf(Objects.requireNonNull(papers, "papers == null"));
    Objects.requireNonNull(freshness, "freshness == null");
    if (freshness.isNegative()) {
      throw new IllegalArgumentException("negative freshness: " + freshness);
    }
  }

  /** The only or last page of an answer. */
  public static Page last(List<Paper> papers, Duration freshness) {
    return new Page(papers, null, null, freshness, false);
  }

  /** A page followed by the page {@code nextPageToken} names (null: none). */
  public static Page of(List<Paper> papers, @Nullable String nextPageToken, Duration freshness) {
    return new Page(papers, nextPageToken, null, freshness, false);
  }

  /** Whether a next page exists. */
  public boolean hasNext() {
    return nextPageToken != null;
  }
}

package io.github.paperdigest.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The papers a source published for a period, as fetched at one moment. Immutable and value-based.
 *
 * @param source the id of the source, e.g. {@code hf-daily}
 * @param period the period the digest covers
 * @param papers the papers, after the query's filters and sort
 * @param fetchedAt when the source's answer was fetched (earlier than now when it came from cache)
 * @param complete whether every page of the source's list was read: false when a limit stopped
 *     reading or the publisher cut its answer short
 * @param stale whether some of it was served from cache past its freshness because the source
 *     failed when asked again (only with {@code PaperDigest.Builder.staleIfError})
 */
public record Digest(
    String source,
    DigestPeriod period,
    List<Paper> papers,
    Instant fetchedAt,
    boolean complete,
    boolean stale) {

  /**
   * Copies the papers.
   *
   * @throws NullPointerException if any argument is null
   */
  public Digest {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(period, "period == null");
    papers = List.copyOf(Objects.requireNonNull(papers, "papers == null"));
    Objects.requireNonNull(fetchedAt, "fetchedAt == null");
  }

  /** The number of papers. */
  public int size() {
    return papers.size();
  }

  /** Whether the digest holds no paper (a weekend on arXiv, say). */
  public boolean isEmpty() {
    return papers.isEmpty();
  }
}

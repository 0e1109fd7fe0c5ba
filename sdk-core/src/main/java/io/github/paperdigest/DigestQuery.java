package io.github.paperdigest;

import io.github.paperdigest.internal.Engine;
import io.github.paperdigest.spi.QuerySpec;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * A digest request against one source, built fluently from {@link PaperDigest#digest(String)} and
 * ended by naming the period:
 *
 * <pre>{@code
 * Digest today = client.digest("hf-daily").minUpvotes(5).sortBy(Sort.MOST_UPVOTED).on(LocalDate.now());
 * Digest week = client.digest("hf-daily").week("2025-W40");
 * Digest cl = client.digest("arxiv").category("cs.CL").latest();
 * }</pre>
 *
 * <p>A digest reads every page of the source's list for the period (it is {@link Digest#complete()
 * complete} unless a limit stopped it or the publisher cut its answer short), then applies the
 * filters, the sort and the limit. Immutable: each method returns a new request.
 */
public final class DigestQuery {
  private final Engine engine;
  private final String sourceId;
  private final QuerySpec spec;
  private final int limit;

  DigestQuery(Engine engine, String sourceId, QuerySpec spec, int limit) {
    this.engine = engine;
    this.sourceId = sourceId;
    this.spec = spec;
    this.limit = limit;
  }

  private DigestQuery with(UnaryOperator<QuerySpec.Builder> change) {
    return new DigestQuery(engine, sourceId, change.apply(spec.toBuilder()).build(), limit);
  }

  /** Only papers in one of {@code categories}; several calls add categories. */
  public DigestQuery category(String... categories) {
    Objects.requireNonNull(categories, "categories == null");
    return with(b -> {
      Arrays.stream(categories).forEach(b::category);
      return b;
    });
  }

  /** Only papers by {@code author}. */
  public DigestQuery author(String author) {
    Objects.requireNonNull(author, "author == null");
    return with(b -> b.author(author));
  }

  /** Only papers whose title or abstract has the words of {@code text}. */
  public DigestQuery search(String text) {
    Objects.requireNonNull(text, "text == null");
    return with(b -> b.text(text));
  }

  /**
   * Only papers with at least {@code upvotes} upvotes.
   *
   * @throws IllegalArgumentException if upvotes is negative
   */
  public DigestQuery minUpvotes(int upvotes) {
    if (upvotes < 0) {
      throw new IllegalArgumentException("upvotes < 0: " + upvotes);
    }
    return with(b -> b.minUpvotes(upvotes));
  }

  /** Papers in {@code sort} order. */
  public DigestQuery sortBy(Sort sort) {
    Objects.requireNonNull(sort, "sort == null");
    return with(b -> b.sort(sort));
  }

  /** Sets a source-specific option, e.g. arXiv's {@code announce-types}. */
  public DigestQuery option(String name, String value) {
    return with(b -> b.option(name, value));
  }

  /**
   * At most {@code limit} papers (the digest is then incomplete if more were there).
   *
   * @throws IllegalArgumentException if limit is below 1
   */
  public DigestQuery limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    return new DigestQuery(engine, sourceId, spec, limit);
  }

  /** The digest of day {@code date}. */
  public Digest on(LocalDate date) {
    return period(DigestPeriod.day(date));
  }

  /**
   * The digest of an ISO week such as {@code 2025-W40}.
   *
   * @throws IllegalArgumentException if the text is not an existing ISO week
   */
  public Digest week(String isoWeek) {
    return period(DigestPeriod.parseWeek(isoWeek));
  }

  /** The digest of {@code month}. */
  public Digest month(YearMonth month) {
    return period(DigestPeriod.month(month));
  }

  /** The latest digest the source has. */
  public Digest latest() {
    return period(DigestPeriod.latest());
  }

  /**
   * The digest of {@code period}.
   *
   * @throws IllegalArgumentException if the period starts in the future
   * @throws UnsupportedQueryException if the source serves no digest of that kind, or a filter
   *     cannot be evaluated
   * @throws PaperDigestException (a subtype) for any failure to fetch
   */
  public Digest period(DigestPeriod period) {
    return engine.prepare(sourceId, forPeriod(period), limit).digest();
  }

  /** As {@link #period(DigestPeriod)}, without blocking. */
  public CompletableFuture<Digest> periodAsync(DigestPeriod period) {
    try {
      return engine.prepare(sourceId, forPeriod(period), limit).digestAsync();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private QuerySpec forPeriod(DigestPeriod period) {
    Objects.requireNonNull(period, "period == null");
    return spec.toBuilder().period(period).build();
  }

  @Override
  public String toString() {
    return "DigestQuery{" + sourceId + ", " + spec + (limit == Integer.MAX_VALUE ? "" : ", limit=" + limit) + "}";
  }
}

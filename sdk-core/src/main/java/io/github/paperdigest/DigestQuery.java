package io.github.paperdigest;

import io.github.paperdigest.internal.Engine;
import io.github.paperdigest.internal.Spec;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.UnsupportedQueryException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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
public final class DigestQuery extends Criteria<DigestQuery> {
  DigestQuery(Engine engine, String sourceId, Spec spec, int limit) {
    super(engine, sourceId, spec, limit);
  }

  @Override
  DigestQuery copy(Spec spec, int limit) {
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

  /** As {@link #on(LocalDate)}, without blocking. */
  public CompletableFuture<Digest> onAsync(LocalDate date) {
    return periodAsync(DigestPeriod.day(date));
  }

  /**
   * As {@link #week(String)}, without blocking.
   *
   * @throws IllegalArgumentException at once, if the text is not an existing ISO week
   */
  public CompletableFuture<Digest> weekAsync(String isoWeek) {
    return periodAsync(DigestPeriod.parseWeek(isoWeek));
  }

  /** As {@link #month(YearMonth)}, without blocking. */
  public CompletableFuture<Digest> monthAsync(YearMonth month) {
    return periodAsync(DigestPeriod.month(month));
  }

  /** As {@link #latest()}, without blocking. */
  public CompletableFuture<Digest> latestAsync() {
    return periodAsync(DigestPeriod.latest());
  }

  /**
   * As {@link #period(DigestPeriod)}, without blocking: pages are fetched with OkHttp's
   * asynchronous calls. The future fails with the exceptions {@link #period} throws; cancelling it
   * cancels the call under way.
   */
  public CompletableFuture<Digest> periodAsync(DigestPeriod period) {
    try {
      return engine.prepare(sourceId, forPeriod(period), limit).digestAsync();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Spec forPeriod(DigestPeriod period) {
    Objects.requireNonNull(period, "period == null");
    return spec.toBuilder().period(period).build();
  }
}

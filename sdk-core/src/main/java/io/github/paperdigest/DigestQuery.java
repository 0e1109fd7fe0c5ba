package io.github.paperdigest;

import io.github.paperdigest.internal.Engine;
import io.github.paperdigest.internal.Futures;
import io.github.paperdigest.internal.Spec;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.Papers;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.UnsupportedQueryException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

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
  /** The sources after the first, for a merged digest; empty for one source. */
  private final List<String> more;

  DigestQuery(Engine engine, String sourceId, List<String> more, Spec spec, int limit) {
    super(engine, sourceId, spec, limit);
    this.more = more;
  }

  @Override
  DigestQuery copy(Spec spec, int limit) {
    return new DigestQuery(engine, sourceId, more, spec, limit);
  }

  /** The ids of the sources asked, in the order given: one, or several for a merged digest. */
  public List<String> sourceIds() {
    List<String> ids = new ArrayList<>(1 + more.size());
    ids.add(sourceId);
    ids.addAll(more);
    return List.copyOf(ids);
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
    if (more.isEmpty()) {
      return engine.prepare(sourceId, forPeriod(period), limit).digest();
    }
    return Futures.join(periodAsync(period));
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
      if (more.isEmpty()) {
        return engine.prepare(sourceId, forPeriod(period), limit).digestAsync();
      }
      return merged(period);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Every source's digest, asked at once (each under its own politeness) with only the criteria it
   * evaluates natively, merged by {@link Papers#merge(List)}, then filtered by every criterion,
   * sorted and limited here: so a paper one source cannot classify (Hugging Face has no categories)
   * is kept when another source's description of it matches.
   */
  private CompletableFuture<Digest> merged(DigestPeriod period) {
    Spec whole = forPeriod(period).withSort(null);
    engine.checkOptions(sourceIds(), whole);
    Sort sort = spec.sort();
    Predicate<Paper> filter = engine.localFilter(whole);
    List<CompletableFuture<Digest>> calls = new ArrayList<>();
    for (String id : sourceIds()) {
      calls.add(engine.prepare(id, engine.nativePart(id, whole), Integer.MAX_VALUE).digestAsync());
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    CompletableFuture<Digest> result =
        all.thenApply(
            v -> {
              List<Digest> digests = calls.stream().map(CompletableFuture::join).toList();
              List<Paper> papers =
                  Papers.merge(digests.stream().map(Digest::papers).toList()).stream()
                      .filter(filter)
                      .toList();
              if (sort != null) {
                papers = Papers.sorted(papers, sort);
              }
              boolean cut = papers.size() > limit;
              if (cut) {
                papers = papers.subList(0, limit);
              }
              Instant fetchedAt = digests.get(0).fetchedAt();
              boolean complete = !cut;
              boolean stale = false;
              for (Digest d : digests) {
                fetchedAt = d.fetchedAt().isBefore(fetchedAt) ? d.fetchedAt() : fetchedAt;
                complete &= d.complete();
                stale |= d.stale();
              }
              return new Digest(
                  String.join(",", sourceIds()),
                  digests.get(0).period(),
                  papers,
                  fetchedAt,
                  complete,
                  stale);
            });
    calls.forEach(c -> Futures.cancelling(result, c));
    return result;
  }

  private Spec forPeriod(DigestPeriod period) {
    Objects.requireNonNull(period, "period == null");
    return spec.toBuilder().period(period).build();
  }
}

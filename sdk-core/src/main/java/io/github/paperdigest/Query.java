package io.github.paperdigest;

import io.github.paperdigest.internal.Engine;
import io.github.paperdigest.internal.Futures;
import io.github.paperdigest.internal.Spec;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.UnsupportedQueryException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A query against one source, built fluently from {@link PaperDigest#from(String)}:
 *
 * <pre>{@code
 * List<Paper> papers = client.from("hf-daily").on(LocalDate.of(2025, 10, 3)).minUpvotes(10).limit(20).list();
 * client.from("arxiv").search("sequential pretraining").category("cs.CL")
 *     .submittedBetween(a, b).sortBy(Sort.NEWEST).stream().forEach(System.out::println);
 * }</pre>
 *
 * <p>Each method returns a new query; a query is immutable and may be shared and run any number of
 * times. Running it ({@link #stream()}, {@link #iterator()}, {@link #list()}, {@link #first()} and
 * their async variants) first plans it: criteria the source evaluates natively are sent to it, the
 * others are applied by the core, and a criterion neither can evaluate fails at once with {@link
 * UnsupportedQueryException}, before any request. Results are lazy: a page is fetched only when the
 * previous one has been consumed. Pages come from the client's cache when fresh.
 */
public final class Query extends Criteria<Query> implements Iterable<Paper> {
  Query(Engine engine, String sourceId, Spec spec, int limit) {
    super(engine, sourceId, spec, limit);
  }

  @Override
  Query copy(Spec spec, int limit) {
    return new Query(engine, sourceId, spec, limit);
  }

  /** Papers whose title has the words of {@code title}. */
  public Query title(String title) {
    Objects.requireNonNull(title, "title == null");
    return with(b -> b.title(title));
  }

  /**
   * The digest of day {@code date}.
   *
   * @throws IllegalStateException if a period is already set
   */
  public Query on(LocalDate date) {
    return period(DigestPeriod.day(date));
  }

  /**
   * The digest of an ISO week, e.g. {@code week("2025-W40")}.
   *
   * @throws IllegalArgumentException if the text is not an existing ISO week
   * @throws IllegalStateException if a period is already set
   */
  public Query week(String isoWeek) {
    return period(DigestPeriod.parseWeek(isoWeek));
  }

  /**
   * The digest of a month.
   *
   * @throws IllegalStateException if a period is already set
   */
  public Query month(YearMonth month) {
    return period(DigestPeriod.month(month));
  }

  /**
   * The latest digest the source has.
   *
   * @throws IllegalStateException if a period is already set
   */
  public Query latest() {
    return period(DigestPeriod.latest());
  }

  /**
   * The digest of {@code period}.
   *
   * @throws IllegalStateException if a period is already set: a day and a week together are a
   *     mistake
   */
  public Query period(DigestPeriod period) {
    Objects.requireNonNull(period, "period == null");
    if (spec.period() != null) {
      throw new IllegalStateException(
          "period was already set to " + spec.period() + "; cannot also ask for " + period);
    }
    return with(b -> b.period(period));
  }

  /**
   * Papers published from {@code from} to {@code to}, both inclusive (UTC days).
   *
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public Query submittedBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    return with(b -> b.from(from).to(to));
  }

  /** Papers published on or after {@code from}. */
  public Query since(LocalDate from) {
    Objects.requireNonNull(from, "from == null");
    return with(b -> b.from(from));
  }

  /** Papers published on or before {@code to}. */
  public Query until(LocalDate to) {
    Objects.requireNonNull(to, "to == null");
    return with(b -> b.to(to));
  }

  /** Only the papers with these ids. */
  public Query ids(PaperId... ids) {
    Objects.requireNonNull(ids, "ids == null");
    return with(b -> b.ids(Arrays.asList(ids)));
  }

  private Engine.Prepared prepare() {
    return engine.prepare(sourceId, spec, limit);
  }

  /**
   * A lazy iterator over the results.
   *
   * @throws UnsupportedQueryException at once, for a criterion that cannot be evaluated
   */
  @Override
  public Iterator<Paper> iterator() {
    return prepare().iterator();
  }

  /**
   * A lazy, sequential stream of the results; pages are fetched as the stream is consumed.
   *
   * @throws UnsupportedQueryException at once, for a criterion that cannot be evaluated
   */
  public Stream<Paper> stream() {
    Iterator<Paper> it = iterator();
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * All results (up to the limit), in order.
   *
   * @throws PaperDigestException (a subtype) for any failure
   */
  public List<Paper> list() {
    List<Paper> out = new java.util.ArrayList<>();
    iterator().forEachRemaining(out::add);
    return List.copyOf(out);
  }

  /** The first result, if any; fetches only the first page it needs. */
  public Optional<Paper> first() {
    Iterator<Paper> it = limit(1).iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /**
   * All results without blocking: pages are fetched with OkHttp's asynchronous calls. The future
   * fails with the same exceptions {@link #list()} throws; cancelling it cancels the call under way
   * (a call shared with other callers through the cache goes on for them).
   */
  public CompletableFuture<List<Paper>> listAsync() {
    try {
      return prepare().listAsync();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The first result without blocking. */
  public CompletableFuture<Optional<Paper>> firstAsync() {
    CompletableFuture<List<Paper>> list = limit(1).listAsync();
    return Futures.cancelling(list.thenApply(l -> l.stream().findFirst()), list);
  }

  /**
   * The paper {@code id} from this source, or empty if the source does not know it.
   *
   * @throws UnsupportedQueryException if the source does not look up ids of that namespace
   */
  public Optional<Paper> paper(PaperId id) {
    Objects.requireNonNull(id, "id == null");
    return engine.lookup(sourceId, List.of(id)).stream().findFirst();
  }

  /** As {@link #paper(PaperId)}, without blocking. */
  public CompletableFuture<Optional<Paper>> paperAsync(PaperId id) {
    Objects.requireNonNull(id, "id == null");
    CompletableFuture<List<Paper>> found = papersAsync(List.of(id));
    return Futures.cancelling(found.thenApply(l -> l.stream().findFirst()), found);
  }

  /**
   * The papers with {@code ids} from this source, in the order asked; ids it does not know are left
   * out. Ids are sent in batches, as many per request as the source allows.
   *
   * @throws UnsupportedQueryException if the source does not look up ids of a namespace given
   */
  public List<Paper> papers(Collection<PaperId> ids) {
    Objects.requireNonNull(ids, "ids == null");
    return engine.lookup(sourceId, List.copyOf(ids));
  }

  /** As {@link #papers(Collection)}, without blocking. */
  public CompletableFuture<List<Paper>> papersAsync(Collection<PaperId> ids) {
    Objects.requireNonNull(ids, "ids == null");
    try {
      return engine.lookupAsync(sourceId, List.copyOf(ids));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}

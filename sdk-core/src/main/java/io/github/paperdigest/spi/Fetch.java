package io.github.paperdigest.spi;

import io.github.paperdigest.model.PaperDigestException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A unit of work a source hands the core: usually one HTTP exchange made by {@link
 * SourceContext#fetch}, possibly mapped, chained or given a fallback. Nothing happens until the
 * core runs it, blocking with {@link #execute()} or asynchronously with {@link #executeAsync()}. A
 * fetch may be run more than once; each run repeats the work.
 *
 * <pre>{@code
 * Fetch<Page> json = context.fetch(jsonRequest, this::parseJson);
 * Fetch<Page> page = json.recover(e -> e instanceof SourceHttpException h && h.status() == 404,
 *     e -> context.fetch(htmlRequest, this::parseHtml));
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <T> the result type
 */
public interface Fetch<T> {

  /**
   * Runs the work on the calling thread and returns its result.
   *
   * @throws PaperDigestException (a subtype of it) for every failure
   */
  T execute();

  /**
   * Runs the work without blocking the caller (HTTP calls are enqueued on OkHttp's dispatcher). The
   * future fails with the same {@link PaperDigestException} {@link #execute()} would throw;
   * cancelling it cancels the HTTP call under way.
   */
  CompletableFuture<T> executeAsync();

  /**
   * A fetch whose result is {@code f} applied to this one's. Exceptions {@code f} throws are not
   * wrapped.
   */
  default <R> Fetch<R> map(Function<? super T, ? extends R> f) {
    return Fetches.map(this, f);
  }

  /** A fetch that runs this one, then the fetch {@code next} makes of its result. */
  default <R> Fetch<R> then(Function<? super T, ? extends Fetch<R>> next) {
    return Fetches.then(this, next);
  }

  /**
   * A fetch that, when this one fails with an exception {@code when} accepts, runs the fetch {@code
   * fallback} makes of that exception instead.
   */
  default Fetch<T> recover(
      java.util.function.Predicate<? super PaperDigestException> when,
      Function<? super PaperDigestException, ? extends Fetch<T>> fallback) {
    return Fetches.recover(this, when, fallback);
  }

  /** A fetch that yields {@code value}, for work that needs no I/O. */
  static <T> Fetch<T> of(T value) {
    return Fetches.value(value);
  }

  /**
   * A fetch that calls {@code supplier} (on the caller's thread for {@link #execute()}, on the
   * common pool for {@link #executeAsync()}), for sources that read local files or other non-HTTP
   * data. The supplier should throw {@link PaperDigestException} subtypes; other runtime exceptions
   * are reported as parse failures.
   */
  static <T> Fetch<T> supplying(String sourceId, Supplier<T> supplier) {
    return Fetches.supplying(sourceId, supplier);
  }

  /** A fetch that fails with {@code exception}. */
  static <T> Fetch<T> failed(PaperDigestException exception) {
    return Fetches.failed(exception);
  }
}

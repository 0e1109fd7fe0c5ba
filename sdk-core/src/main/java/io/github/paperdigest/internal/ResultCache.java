package io.github.paperdigest.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.paperdigest.CacheStats;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.UnknownSourceException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.spi.Fetch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The result cache: source answers by key (source, kind, request), each kept for the freshness the
 * source gave it. Concurrent identical requests share one upstream call; a failed call is removed
 * at once, so errors are never cached. With a stale-if-error window, an answer is kept that much
 * longer than its freshness: a refresh that fails then serves it, marked stale, instead of the
 * error. With caching disabled every request goes upstream.
 */
final class ResultCache {
  /**
   * A cached answer.
   *
   * @param value the source's answer
   * @param freshness how long it is fresh after {@code fetchedAt}
   * @param fetchedAt when the source answered
   * @param stale whether it is served past its freshness because a refresh failed
   */
  record Fresh<T>(T value, Duration freshness, Instant fetchedAt, boolean stale) {
    Fresh<T> asStale() {
      return new Fresh<>(value, freshness, fetchedAt, true);
    }
  }

  /** The key of an answer. */
  record Key(String sourceId, String kind, Object request) {}

  /**
   * A failed answer. Caffeine logs every future that completes exceptionally as a warning; a
   * failure is a normal outcome here (the caller gets a typed exception), so the cache holds it as
   * a value that expires at once and is removed, and callers get the exception back.
   */
  private record Failed(Throwable error) {}

  private final @Nullable AsyncCache<Key, Object> cache;
  private final Clock clock;
  private final Duration staleIfError;
  private final LongAdder failures = new LongAdder();
  private final LongAdder staleServed = new LongAdder();

  ResultCache(
      boolean enabled, long maximumSize, Clock clock, boolean systemClock, Duration staleIfError) {
    this.clock = clock;
    this.staleIfError = staleIfError;
    if (!enabled || maximumSize == 0) {
      this.cache = null;
      return;
    }
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder()
            .maximumWeight(maximumSize)
            .weigher((Object k, Object v) -> weight(v))
            .recordStats();
    if (!systemClock) {
      builder.ticker(new ClockTicker(clock));
    }
    this.cache = builder.expireAfter(new LifetimeExpiry()).buildAsync();
  }

  /** An answer weighs as many papers as it holds (at least 1). */
  private static int weight(Object value) {
    if (value instanceof Fresh<?> f && f.value() instanceof io.github.paperdigest.spi.Page page) {
      return Math.max(1, page.papers().size());
    }
    return 1;
  }

  /** The answer for {@code key}: cached, joined to a call under way, or fetched on this thread. */
  <T> Fresh<T> get(Key key, Fetch<T> fetch, Function<? super T, Duration> freshness) {
    if (cache == null) {
      return fresh(fetch.execute(), freshness);
    }
    return unwrap(Futures.join(obtain(key, fetch, freshness, true)));
  }

  /** As {@link #get}, without blocking: the fetch runs asynchronously when not cached. */
  <T> CompletableFuture<Fresh<T>> getAsync(
      Key key, Fetch<T> fetch, Function<? super T, Duration> freshness) {
    if (cache == null) {
      CompletableFuture<T> call = fetch.executeAsync();
      return Futures.cancelling(call.thenApply(v -> fresh(v, freshness)), call);
    }
    // Callers get their own future: cancelling it must not cancel a call others wait for.
    return obtain(key, fetch, freshness, false).thenApply(ResultCache::unwrap);
  }

  /**
   * The future answer for {@code key}: the cached one while fresh, else one this call loads (on
   * this thread when {@code sync}), unless another caller already is.
   */
  private <T> CompletableFuture<Object> obtain(
      Key key, Fetch<T> fetch, Function<? super T, Duration> freshness, boolean sync) {
    AsyncCache<Key, Object> cache = Objects.requireNonNull(this.cache, "cache off");
    while (true) {
      CompletableFuture<Object> mine = new CompletableFuture<>();
      CompletableFuture<Object> current = cache.get(key, (k, executor) -> mine);
      Fresh<?> previous = null;
      if (current != mine) {
        if (!(current.getNow(null) instanceof Fresh<?> f) || isFresh(f)) {
          return current; // fresh, or a load under way
        }
        // past its freshness, kept for stale-if-error: refresh it, one caller for all
        if (!cache.asMap().replace(key, current, mine)) {
          continue;
        }
        previous = f;
      }
      load(key, mine, fetch, freshness, previous, sync);
      return mine;
    }
  }

  private <T> void load(
      Key key,
      CompletableFuture<Object> mine,
      Fetch<T> fetch,
      Function<? super T, Duration> freshness,
      @Nullable Fresh<?> previous,
      boolean sync) {
    if (sync) {
      try {
        mine.complete(fresh(fetch.execute(), freshness));
      } catch (RuntimeException | Error e) {
        mine.complete(failed(key, mine, e, previous));
      }
      return;
    }
    fetch
        .executeAsync()
        .whenComplete(
            (value, error) -> {
              if (error == null) {
                try {
                  mine.complete(fresh(value, freshness));
                  return;
                } catch (RuntimeException e) {
                  error = e;
                }
              }
              mine.complete(failed(key, mine, Futures.unwrap(error), previous));
            });
  }

  /**
   * What a failed load leaves: the previous answer marked stale where allowed, else the failure.
   */
  private Object failed(
      Key key, CompletableFuture<Object> future, Throwable error, @Nullable Fresh<?> previous) {
    failures.increment();
    if (previous != null && servesStale(error) && withinStaleWindow(previous)) {
      staleServed.increment();
      return previous.asStale(); // kept: the next caller tries to refresh again
    }
    if (cache != null) {
      cache.asMap().remove(key, future);
    }
    return new Failed(error);
  }

  /** Failures of the publisher (down, slow, rate limiting, a changed format), not of the query. */
  private static boolean servesStale(Throwable error) {
    if (!(error instanceof PaperDigestException)
        || error instanceof UnsupportedQueryException
        || error instanceof SourceConfigurationException
        || error instanceof UnknownSourceException) {
      return false;
    }
    return !(error instanceof SourceHttpException h) || h.status() == 429 || h.status() >= 500;
  }

  private boolean isFresh(Fresh<?> f) {
    return clock.instant().isBefore(f.fetchedAt().plus(f.freshness()));
  }

  private boolean withinStaleWindow(Fresh<?> f) {
    return clock.instant().isBefore(f.fetchedAt().plus(f.freshness()).plus(staleIfError));
  }

  @SuppressWarnings("unchecked")
  private static <T> Fresh<T> unwrap(Object value) {
    if (value instanceof Failed f) {
      Throwable e = f.error();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new CompletionException(e);
    }
    return (Fresh<T>) value;
  }

  private <T> Fresh<T> fresh(T value, Function<? super T, Duration> freshness) {
    return new Fresh<>(value, freshness.apply(value), clock.instant(), false);
  }

  CacheStats stats() {
    if (cache == null) {
      return CacheStats.EMPTY;
    }
    com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.synchronous().stats();
    long failed = failures.sum();
    return new CacheStats(
        s.hitCount(),
        s.missCount(),
        Math.max(0, s.loadSuccessCount() - failed),
        failed,
        staleServed.sum(),
        s.evictionCount(),
        cache.synchronous().estimatedSize());
  }

  void invalidateAll() {
    if (cache != null) {
      cache.synchronous().invalidateAll();
    }
  }

  /**
   * Each answer lives for its freshness plus the stale-if-error window, counted from when it was
   * fetched (a stale answer served again is not given a new life); failures not at all.
   */
  private final class LifetimeExpiry implements Expiry<Key, Object> {
    @Override
    public long expireAfterCreate(Key key, Object value, long currentTime) {
      if (!(value instanceof Fresh<?> f)) {
        return 0;
      }
      Instant end = f.fetchedAt().plus(f.freshness()).plus(staleIfError);
      return nanos(Duration.between(clock.instant(), end));
    }

    @Override
    public long expireAfterUpdate(Key key, Object value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(Key key, Object value, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private static long nanos(Duration d) {
      if (d.isNegative()) {
        return 0;
      }
      try {
        return d.toNanos();
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
  }

  /** Caffeine's time taken from the client's clock, so that tests can move it. */
  private record ClockTicker(Clock clock) implements Ticker {
    @Override
    public long read() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
  }
}

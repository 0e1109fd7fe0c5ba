package io.github.paperdigest.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.paperdigest.CacheStats;
import io.github.paperdigest.spi.Fetch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The result cache: source answers by key (source, kind, request), each kept for the freshness the
 * source gave it. Concurrent identical requests share one upstream call; a failed call is removed
 * at once, so errors are never cached. With caching disabled every request goes upstream.
 */
final class ResultCache {
  /** A cached answer with the time it was fetched. */
  record Fresh<T>(T value, Duration freshness, Instant fetchedAt) {}

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
  private final LongAdder failures = new LongAdder();

  ResultCache(boolean enabled, long maximumSize, Clock clock, boolean systemClock) {
    this.clock = clock;
    if (!enabled || maximumSize == 0) {
      this.cache = null;
      return;
    }
    Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize).recordStats();
    if (!systemClock) {
      builder.ticker(new ClockTicker(clock));
    }
    this.cache = builder.expireAfter(new FreshnessExpiry()).buildAsync();
  }

  /** The answer for {@code key}: cached, joined to a call under way, or fetched on this thread. */
  <T> Fresh<T> get(Key key, Fetch<T> fetch, Function<? super T, Duration> freshness) {
    if (cache == null) {
      return fresh(fetch.execute(), freshness);
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> shared = cache.get(key, (k, executor) -> mine);
    if (shared == mine) {
      try {
        mine.complete(fresh(fetch.execute(), freshness));
      } catch (RuntimeException | Error e) {
        mine.complete(failed(key, mine, e));
        throw e;
      }
    }
    return unwrap(Fetches.join(shared));
  }

  /** As {@link #get}, without blocking: the fetch runs asynchronously when not cached. */
  <T> CompletableFuture<Fresh<T>> getAsync(Key key, Fetch<T> fetch, Function<? super T, Duration> freshness) {
    if (cache == null) {
      CompletableFuture<T> call = fetch.executeAsync();
      return Fetches.cancelling(call.thenApply(v -> fresh(v, freshness)), call);
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> shared = cache.get(key, (k, executor) -> mine);
    if (shared == mine) {
      fetch.executeAsync().whenComplete((value, error) -> {
        if (error == null) {
          try {
            mine.complete(fresh(value, freshness));
            return;
          } catch (RuntimeException e) {
            error = e;
          }
        }
        mine.complete(failed(key, mine, Fetches.unwrap(error)));
      });
    }
    // Callers get their own future: cancelling it must not cancel a call others wait for.
    return shared.thenApply(ResultCache::unwrap);
  }

  private Failed failed(Key key, CompletableFuture<Object> future, Throwable error) {
    failures.increment();
    if (cache != null) {
      cache.asMap().remove(key, future);
    }
    return new Failed(error);
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
    return new Fresh<>(value, freshness.apply(value), clock.instant());
  }

  CacheStats stats() {
    if (cache == null) {
      return CacheStats.EMPTY;
    }
    com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.synchronous().stats();
    return new CacheStats(s.hitCount(), s.missCount(), s.loadSuccessCount() - failures.sum(), failures.sum(),
        s.evictionCount(), cache.synchronous().estimatedSize());
  }

  void invalidateAll() {
    if (cache != null) {
      cache.synchronous().invalidateAll();
    }
  }

  /** Each entry lives as long as the freshness its source gave it. */
  private static final class FreshnessExpiry implements Expiry<Key, Object> {
    @Override
    public long expireAfterCreate(Key key, Object value, long currentTime) {
      return value instanceof Fresh<?> f ? nanos(f.freshness()) : 0;
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

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

  private final @Nullable AsyncCache<Key, Fresh<?>> cache;
  private final Clock clock;

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
  @SuppressWarnings("unchecked")
  <T> Fresh<T> get(Key key, Fetch<T> fetch, Function<? super T, Duration> freshness) {
    if (cache == null) {
      return fresh(fetch.execute(), freshness);
    }
    CompletableFuture<Fresh<?>> mine = new CompletableFuture<>();
    CompletableFuture<Fresh<?>> shared = cache.get(key, (k, executor) -> mine);
    if (shared == mine) {
      try {
        mine.complete(fresh(fetch.execute(), freshness));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
    }
    return (Fresh<T>) Fetches.join(shared);
  }

  /** As {@link #get}, without blocking: the fetch runs asynchronously when not cached. */
  @SuppressWarnings("unchecked")
  <T> CompletableFuture<Fresh<T>> getAsync(Key key, Fetch<T> fetch, Function<? super T, Duration> freshness) {
    if (cache == null) {
      CompletableFuture<T> call = fetch.executeAsync();
      return Fetches.cancelling(call.thenApply(v -> fresh(v, freshness)), call);
    }
    CompletableFuture<Fresh<?>> shared = cache.get(key, (k, executor) ->
        fetch.executeAsync().thenApply(v -> fresh(v, freshness)));
    // Callers get their own future: cancelling it must not cancel a call others wait for.
    return shared.thenApply(f -> (Fresh<T>) f);
  }

  private <T> Fresh<T> fresh(T value, Function<? super T, Duration> freshness) {
    return new Fresh<>(value, freshness.apply(value), clock.instant());
  }

  CacheStats stats() {
    if (cache == null) {
      return CacheStats.EMPTY;
    }
    com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.synchronous().stats();
    return new CacheStats(s.hitCount(), s.missCount(), s.loadSuccessCount(), s.loadFailureCount(),
        s.evictionCount(), cache.synchronous().estimatedSize());
  }

  void invalidateAll() {
    if (cache != null) {
      cache.synchronous().invalidateAll();
    }
  }

  /** Each entry lives as long as the freshness its source gave it. */
  private static final class FreshnessExpiry implements Expiry<Key, Fresh<?>> {
    @Override
    public long expireAfterCreate(Key key, Fresh<?> value, long currentTime) {
      return nanos(value.freshness());
    }

    @Override
    public long expireAfterUpdate(Key key, Fresh<?> value, long currentTime, long currentDuration) {
      return nanos(value.freshness());
    }

    @Override
    public long expireAfterRead(Key key, Fresh<?> value, long currentTime, long currentDuration) {
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

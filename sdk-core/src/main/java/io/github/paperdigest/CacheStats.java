package io.github.paperdigest;

/**
 * A snapshot of the result cache's counters since the client was built. Immutable and value-based.
 *
 * @param hitCount lookups answered from the cache (including joins of a request already under way)
 * @param missCount lookups that went to the source
 * @param loadSuccessCount source answers stored
 * @param loadFailureCount source answers that failed (and so were not stored)
 * @param staleCount answers served past their freshness because a refresh failed (see {@link
 *     PaperDigest.Builder#staleIfError(java.time.Duration)})
 * @param evictionCount entries removed for size or expiry
 * @param size the approximate number of entries now
 */
public record CacheStats(
    long hitCount,
    long missCount,
    long loadSuccessCount,
    long loadFailureCount,
    long staleCount,
    long evictionCount,
    long size) {

  /** Counts with everything zero, as reported when caching is disabled. */
  public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, 0, 0);

  /** Lookups in all: hits plus misses. */
  public long requestCount() {
    return hitCount + missCount;
  }
}

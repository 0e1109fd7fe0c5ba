package io.github.paperdigest.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How the core's HTTP layer treats one publisher: the minimum interval between the starts of two
 * requests, the most requests in flight at once (both across all threads of one client), and how
 * failed requests are retried. Retries apply to HTTP 429, 502, 503, 504 and I/O errors, with
 * exponential backoff and jitter starting at {@link #initialBackoff()}, never shorter than the
 * publisher's {@code Retry-After}. The waits for the retries of one request add up to at most
 * {@link #maxRetryWait()}: a publisher that asks for more gets its answer reported at once (a
 * {@link io.github.paperdigest.model.RateLimitedException} for a 429) instead of a sleeping thread,
 * and later requests to it fail at once, without being sent, while the pause it asked for lasts
 * longer than that. Immutable and value-based.
 *
 * @param minInterval the minimum time between the starts of two requests
 * @param maxConcurrent the most requests in flight at once (1 or more)
 * @param maxRetries retries after the first attempt (0 disables retrying)
 * @param initialBackoff the first backoff; each retry doubles it
 * @param maxBackoff the longest backoff the doubling reaches
 * @param maxRetryWait the longest the layer waits in all for the retries of one request
 */
public record PolitenessPolicy(
    Duration minInterval,
    int maxConcurrent,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryWait) {

  /**
   * No interval, 8 concurrent requests, 3 retries from 1 s up to 30 s, at most 60 s of retry waits.
   */
  public static final PolitenessPolicy DEFAULT =
      new PolitenessPolicy(
          Duration.ZERO,
          8,
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a duration is negative, maxConcurrent is below 1 or
   *     maxRetries is negative
   */
  public PolitenessPolicy {
    nonNegative("minInterval", minInterval);
    nonNegative("initialBackoff", initialBackoff);
    nonNegative("maxBackoff", maxBackoff);
    nonNegative("maxRetryWait", maxRetryWait);
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent < 1: " + maxConcurrent);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
    }
  }

  private static void nonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " is negative: " + d);
    }
  }

  /** A copy with {@code minInterval}. */
  public PolitenessPolicy withMinInterval(Duration minInterval) {
    return new PolitenessPolicy(
        minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryWait);
  }

  /** A copy with {@code maxConcurrent}. */
  public PolitenessPolicy withMaxConcurrent(int maxConcurrent) {
    return new PolitenessPolicy(
        minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryWait);
  }

  /** A copy with {@code maxRetries}. */
  public PolitenessPolicy withMaxRetries(int maxRetries) {
    return new PolitenessPolicy(
        minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryWait);
  }

  /** A copy with the backoff range. */
  public PolitenessPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new PolitenessPolicy(
        minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryWait);
  }

  /** A copy with {@code maxRetryWait}. */
  public PolitenessPolicy withMaxRetryWait(Duration maxRetryWait) {
    return new PolitenessPolicy(
        minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryWait);
  }
}

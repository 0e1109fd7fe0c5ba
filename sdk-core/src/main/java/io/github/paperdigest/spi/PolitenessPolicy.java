package io.github.paperdigest.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How the core's HTTP layer treats one publisher: the minimum interval between the starts of two
 * requests, the most requests in flight at once (both across all threads of one client), and how
 * failed requests are retried. Retries apply to HTTP 429, 502, 503, 504 and I/O errors, with
 * exponential backoff and jitter starting at {@link #initialBackoff()}, never shorter than the
 * publisher's {@code Retry-After}; a publisher that asks for more than {@link #maxRetryAfter()}
 * gets a {@link io.github.paperdigest.RateLimitedException} at once instead of a sleeping thread.
 * Immutable and value-based.
 *
 * @param minInterval the minimum time between the starts of two requests
 * @param maxConcurrent the most requests in flight at once (1 or more)
 * @param maxRetries retries after the first attempt (0 disables retrying)
 * @param initialBackoff the first backoff; each retry doubles it
 * @param maxBackoff the longest backoff the doubling reaches
 * @param maxRetryAfter the longest {@code Retry-After} the layer waits for
 */
public record PolitenessPolicy(
    Duration minInterval,
    int maxConcurrent,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter) {

  /** No interval, 8 concurrent requests, 3 retries from 1 s up to 30 s, Retry-After up to 2 min. */
  public static final PolitenessPolicy DEFAULT = new PolitenessPolicy(
      Duration.ZERO, 8, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

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
    nonNegative("maxRetryAfter", maxRetryAfter);
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
    return new PolitenessPolicy(minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** A copy with {@code maxConcurrent}. */
  public PolitenessPolicy withMaxConcurrent(int maxConcurrent) {
    return new PolitenessPolicy(minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** A copy with {@code maxRetries}. */
  public PolitenessPolicy withMaxRetries(int maxRetries) {
    return new PolitenessPolicy(minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** A copy with the backoff range. */
  public PolitenessPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new PolitenessPolicy(minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** A copy with {@code maxRetryAfter}. */
  public PolitenessPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new PolitenessPolicy(minInterval, maxConcurrent, maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /**
   * This policy with the settings {@code min-interval}, {@code max-concurrent} and
   * {@code max-retries} of {@code config} applied where they are set. Only an explicit setting
   * changes the policy, so a source's default is never loosened by accident.
   *
   * @throws io.github.paperdigest.SourceConfigurationException if a setting cannot be read
   */
  public PolitenessPolicy withOverrides(SourceConfig config) {
    PolitenessPolicy p = this;
    if (config.isSet("min-interval")) {
      p = p.withMinInterval(config.duration("min-interval", minInterval));
    }
    if (config.isSet("max-concurrent")) {
      p = p.withMaxConcurrent(Math.max(1, config.integer("max-concurrent", maxConcurrent)));
    }
    if (config.isSet("max-retries")) {
      p = p.withMaxRetries(Math.max(0, config.integer("max-retries", maxRetries)));
    }
    return p;
  }
}

package io.github.paperdigest;

import java.time.Duration;

/**
 * How the HTTP layer waits between requests and before retries. The primary intent of replacing the
 * default ({@link Thread#sleep}) is testing: a fake sleeper that advances a fake clock proves
 * politeness intervals without real waiting. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

  /** The default: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };

  /**
   * Waits for {@code duration} (nothing if it is zero or negative).
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}

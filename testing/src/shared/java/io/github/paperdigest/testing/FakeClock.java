package io.github.paperdigest.testing;

import io.github.paperdigest.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told to, or when the SDK waits: give a client both the clock and its
 * {@link #sleeper()}, and politeness intervals, backoffs and cache freshness play out instantly and
 * exactly, so tests prove "3 seconds apart" without sleeping. Thread-safe.
 *
 * <pre>{@code
 * FakeClock clock = new FakeClock(Instant.parse("2025-10-03T12:00:00Z"));
 * PaperDigest client = PaperDigest.builder().clock(clock).sleeper(clock.sleeper()).build();
 * // ... requests recorded by a MockWebServer dispatcher at clock.instant() are >= 3 s apart
 * clock.advance(Duration.ofHours(1));        // cached answers age by an hour
 * }</pre>
 *
 * <p>The one copy of this class: the core's own tests compile this same file (see {@code
 * sdk-core/pom.xml}), since they cannot depend on this artifact, which depends on the core.
 */
public final class FakeClock extends Clock {
  private volatile Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A clock standing at {@code start}. */
  public FakeClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start == null");
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + duration);
    }
    synchronized (this) {
      now = now.plus(duration);
    }
  }

  /**
   * A sleeper that, instead of waiting, records the wait in {@link #sleeps()} and advances this
   * clock by it.
   */
  public Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      if (!d.isNegative()) {
        advance(d);
      }
    };
  }

  /** The waits the {@link #sleeper()} was asked for so far, in order (zero waits included). */
  public List<Duration> sleeps() {
    return sleeps;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "FakeClock[" + now + "]";
  }
}

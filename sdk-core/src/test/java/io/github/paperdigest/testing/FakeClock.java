package io.github.paperdigest.testing;

import io.github.paperdigest.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told, and a sleeper that moves it instead of sleeping. */
public final class FakeClock extends Clock {
  private final AtomicReference<Instant> now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /** Sleeps recorded so far (zero waits included). */
  public List<Duration> sleeps() {
    return sleeps;
  }

  /** A sleeper that records each wait and advances this clock by it. */
  public Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      if (!d.isNegative()) {
        advance(d);
      }
    };
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

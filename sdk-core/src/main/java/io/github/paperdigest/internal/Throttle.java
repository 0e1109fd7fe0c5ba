package io.github.paperdigest.internal;

import io.github.paperdigest.Sleeper;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One source's politeness, shared by every thread of a client: at most
 * {@code maxConcurrent} exchanges in flight, and request starts at least {@code minInterval} apart.
 * A start slot is reserved under a lock and waited for outside it, so waiting threads queue in
 * order. A publisher's {@code Retry-After} pushes the next slot back for every thread.
 */
final class Throttle {
  private final PolitenessPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Semaphore inFlight;
  private Instant nextStart = Instant.MIN;

  Throttle(PolitenessPolicy policy, Clock clock, Sleeper sleeper) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.inFlight = new Semaphore(policy.maxConcurrent(), true);
  }

  PolitenessPolicy policy() {
    return policy;
  }

  /** Blocks until this thread may start a request; the permit must be released once done. */
  Permit acquire() throws InterruptedIOException {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection slot");
    }
    Permit permit = new Permit();
    try {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        Instant slot = nextStart.isAfter(now) ? nextStart : now;
        nextStart = slot.plus(policy.minInterval());
        wait = Duration.between(now, slot);
      }
      sleeper.sleep(wait);
      return permit;
    } catch (InterruptedException e) {
      permit.release();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while keeping the request interval");
    }
  }

  /** Makes no request start before {@code until}, on any thread. */
  synchronized void deferUntil(Instant until) {
    if (until.isAfter(nextStart)) {
      nextStart = until;
    }
  }

  /** A held slot of {@code maxConcurrent}; releasing twice is harmless. */
  final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    void release() {
      if (released.compareAndSet(false, true)) {
        inFlight.release();
      }
    }
  }
}

package io.github.paperdigest.internal;

import io.github.paperdigest.spi.PolitenessPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One source's politeness, shared by every thread of a client and by the clients derived from it
 * with {@code newBuilder()}: at most {@code maxConcurrent} exchanges in flight, request starts at
 * least {@code minInterval} apart, the pauses publishers asked for ({@code Retry-After}) by origin,
 * and the retry budget.
 *
 * <p>Nothing here blocks: a request waiting for a connection slot is a future in a FIFO queue,
 * completed when a slot is released, so that waiting asynchronous queries hold no thread. A start
 * slot is reserved only once a connection slot is held, so that the interval holds between the
 * starts of any two requests whatever order they finish in.
 */
final class Gate {
  private final PolitenessPolicy policy;
  private final Clock clock;
  private final RetryBudget budget = new RetryBudget();
  private final ArrayDeque<CompletableFuture<Permit>> queue = new ArrayDeque<>();
  private final Map<String, Pause> pauses = new HashMap<>();
  private int inFlight;
  private Instant nextStart = Instant.MIN;

  /** A pause a publisher asked for: no request to its origin before {@code until}. */
  record Pause(Instant until, int status) {}

  Gate(PolitenessPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  PolitenessPolicy policy() {
    return policy;
  }

  RetryBudget budget() {
    return budget;
  }

  /**
   * A connection slot: completed at once when one is free, else when one is released, in the order
   * asked. Cancelling (or failing) the future gives its place up; a permit it was completed with
   * must be released by whoever holds it.
   */
  @SuppressWarnings(
      "CollectionUndefinedEquality") // each waiter is its own entry: identity is meant
  CompletableFuture<Permit> permit() {
    CompletableFuture<Permit> f = new CompletableFuture<>();
    synchronized (this) {
      if (inFlight < policy.maxConcurrent() && queue.isEmpty()) {
        inFlight++;
        f.complete(new Permit());
        return f;
      }
      queue.add(f);
    }
    f.whenComplete(
        (p, e) -> {
          if (e != null) {
            synchronized (this) {
              queue.remove(f);
            }
          }
        });
    return f;
  }

  /** Hands a released connection slot to the first waiter still waiting, or frees it. */
  private void release() {
    while (true) {
      CompletableFuture<Permit> next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          inFlight--;
          return;
        }
      }
      if (next.complete(new Permit())) {
        return;
      }
      // that waiter gave up in the meantime: offer the slot to the next one
    }
  }

  /**
   * Reserves the next start slot, not before {@code notBefore}, and returns how long to wait for
   * it; or null, reserving nothing, if that wait would be longer than {@code patience}.
   */
  synchronized @Nullable Duration reserve(Instant notBefore, Duration patience) {
    Instant now = clock.instant();
    Instant slot = latest(now, nextStart, notBefore);
    Duration wait = Duration.between(now, slot);
    if (wait.compareTo(patience) > 0) {
      return null;
    }
    nextStart = slot.plus(policy.minInterval());
    return wait;
  }

  /**
   * The shortest wait a request asking now could have before it starts: the start slot, or the
   * pause, and one interval for each round of requests already waiting ahead of it.
   */
  synchronized Duration earliestWait(Instant notBefore) {
    Instant now = clock.instant();
    Duration wait = Duration.between(now, latest(now, nextStart, notBefore));
    int ahead = queue.size() + Math.max(0, inFlight - policy.maxConcurrent() + 1);
    return wait.plus(policy.minInterval().multipliedBy(ahead / policy.maxConcurrent()));
  }

  /** How many requests are waiting for a connection slot. */
  synchronized int waiting() {
    return queue.size();
  }

  /** Makes no request to {@code origin} start before {@code until}, on any thread. */
  synchronized void pause(String origin, Instant until, int status) {
    Pause current = pauses.get(origin);
    if (current == null || until.isAfter(current.until())) {
      pauses.put(origin, new Pause(until, status));
    }
  }

  /** The pause in force for {@code origin}, or null. */
  synchronized @Nullable Pause pause(String origin) {
    Pause p = pauses.get(origin);
    if (p != null && !p.until().isAfter(clock.instant())) {
      pauses.remove(origin);
      return null;
    }
    return p;
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant max = a.isAfter(b) ? a : b;
    return max.isAfter(c) ? max : c;
  }

  /** A held connection slot; releasing twice is harmless. */
  final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    void release() {
      if (released.compareAndSet(false, true)) {
        Gate.this.release();
      }
    }
  }
}

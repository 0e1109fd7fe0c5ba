package io.github.paperdigest.internal;

import io.github.paperdigest.Sleeper;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The politeness state of a client and of every client derived from it with {@code newBuilder()},
 * as OkHttp's derived clients share a dispatcher: one {@link Gate} per source and policy, and the
 * timer that runs the waits. A derived client that gives a source another policy gets a gate of its
 * own for it.
 */
public final class Gates implements AutoCloseable {
  private final Clock clock;
  private final Waits waits;
  private final Map<Key, Gate> gates = new ConcurrentHashMap<>();

  private record Key(String sourceId, PolitenessPolicy policy) {}

  /**
   * The state for a new client that waits with {@code sleeper} and reads time from {@code clock}.
   */
  public Gates(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.waits = new Waits(sleeper);
  }

  Gate gate(String sourceId, PolitenessPolicy policy) {
    return gates.computeIfAbsent(new Key(sourceId, policy), k -> new Gate(policy, clock));
  }

  /** A gate of its own, shared with no one (replay answers without waiting). */
  Gate unshared(PolitenessPolicy policy) {
    return new Gate(policy, clock);
  }

  Waits waits() {
    return waits;
  }

  Clock clock() {
    return clock;
  }

  /** Stops the timer: waits under way fail. */
  @Override
  public void close() {
    waits.close();
  }
}

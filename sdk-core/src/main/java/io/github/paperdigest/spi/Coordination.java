package io.github.paperdigest.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What a fleet of clients (several instances of one service, on several machines) shares so that
 * together they behave like one: each source's politeness ({@link #turn}) and the result cache
 * ({@link #shared}). Every client keeps its in-process throttle and cache as the first level; a
 * coordination is the level above it, consulted by the core for each request attempt and for each
 * answer the local cache does not hold.
 *
 * <p>{@link #local()} is the default: nothing is shared beyond the process, no dependency is added.
 * {@code paperdigest-hazelcast} implements a fleet on Hazelcast; set one with {@code
 * PaperDigest.Builder.coordination}, or let a {@link Provider} found with {@link
 * java.util.ServiceLoader} make one from system properties. Implementations are thread-safe.
 */
public interface Coordination {

  /** No fleet: every client on its own, as without a coordination. */
  static Coordination local() {
    return LocalCoordination.INSTANCE;
  }

  /**
   * This member's turn, fleet-wide, to start a request to source {@code sourceId}: waits until
   * fewer than {@code policy.maxConcurrent()} requests of the fleet are in flight to it and {@code
   * policy.minInterval()} has passed since the fleet's last start. Close the turn when the exchange
   * ends; a member that dies holding one must not block the fleet (its turn expires).
   *
   * @throws TimeoutException if the turn does not come within {@code maxWait}
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  Turn turn(String sourceId, PolitenessPolicy policy, Duration maxWait)
      throws InterruptedException, TimeoutException;

  /**
   * Makes every member of the fleet hold its requests to source {@code sourceId} for {@code
   * duration}: the publisher answered one of them 429 or 503 with {@code Retry-After}. Later {@link
   * #turn}s wait for it. Nothing by default (each member keeps its own pauses).
   */
  default void pause(String sourceId, Duration duration) {}

  /**
   * The fleet's answer for {@code key}: the one a member stored, fresh; else {@code loader}'s, run
   * by one member of the fleet at a time for that key (the others wait for its answer, up to {@code
   * maxWait}, and take over if it dies or fails). What the loader returns is stored for its time to
   * live; a failure (the loader throwing) is never stored and is thrown to this caller.
   */
  byte[] shared(String key, Duration maxWait, Loader loader);

  /** Releases what the coordination holds (not a Hazelcast instance the user owns). */
  default void close() {}

  /** A turn to send one request; close it when the exchange ends (closing twice is harmless). */
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  /** Computes an answer for {@link #shared}. */
  @FunctionalInterface
  interface Loader {
    /** The answer and how long the fleet may serve it ({@link Duration#ZERO}: not stored). */
    Loaded load();
  }

  /**
   * An answer to store.
   *
   * @param bytes the encoded answer; empty when it cannot be shared (then nothing is stored)
   * @param timeToLive how long the fleet may serve it ({@link Duration#ZERO}: not stored)
   */
  @SuppressWarnings("ArrayRecordComponent") // handed straight to the store, never compared
  record Loaded(byte[] bytes, Duration timeToLive) {
    /** An answer that is not to be stored. */
    public static final Loaded NOT_SHARED = new Loaded(new byte[0], Duration.ZERO);
  }

  /**
   * Makes a coordination from the environment (system properties), for clients built without one,
   * such as the CLI's: {@code paperdigest-hazelcast} joins the cluster {@code
   * paperdigest.hazelcast.config} names.
   */
  interface Provider {
    /** A coordination the system properties ask for, or empty; the client closes it. */
    Optional<Coordination> fromSystemProperties();
  }
}

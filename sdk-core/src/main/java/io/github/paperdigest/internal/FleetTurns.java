package io.github.paperdigest.internal;

import io.github.paperdigest.spi.Coordination;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Each request attempt of one source waits for its fleet-wide turn ({@link Coordination#turn})
 * after the in-process gate let it go, and holds it until its body is closed: the source's interval
 * and concurrency then hold across the fleet. The wait is bounded by what is left of the call's
 * deadline.
 */
final class FleetTurns implements Interceptor {
  /** The longest wait for a turn when the call has no deadline. */
  private static final Duration NO_DEADLINE_WAIT = Duration.ofMinutes(5);

  private final String sourceId;
  private final PolitenessPolicy policy;
  private final Coordination coordination;

  FleetTurns(String sourceId, PolitenessPolicy policy, Coordination coordination) {
    this.sourceId = sourceId;
    this.policy = policy;
    this.coordination = coordination;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long nanos = chain.call().timeout().timeoutNanos();
    Duration maxWait = nanos > 0 ? Duration.ofNanos(nanos) : NO_DEADLINE_WAIT;
    Coordination.Turn turn;
    try {
      turn = coordination.turn(sourceId, policy, maxWait);
    } catch (TimeoutException e) {
      // a wait past the deadline, reported as the in-process gate reports its own
      throw new Exchange.DeadlineException(
          "no turn for " + sourceId + " in the fleet within " + Exchange.seconds(maxWait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a fleet turn");
    } catch (RuntimeException e) {
      // the fleet failed (its cluster gone, say): no request without its turn
      throw new IOException("the fleet (" + coordination + ") gave no turn: " + e, e);
    }
    AtomicBoolean closed = new AtomicBoolean();
    Runnable release =
        () -> {
          if (closed.compareAndSet(false, true)) {
            turn.close();
          }
        };
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException | RuntimeException e) {
      release.run();
      throw e;
    }
    if (response.code() == 429 || response.code() == 503) {
      Duration pause = RetryAfter.parse(response.headers(), Instant.now());
      if (pause != null && !pause.isNegative() && !pause.isZero()) {
        try {
          coordination.pause(sourceId, pause); // the whole fleet holds, not only this member
        } catch (RuntimeException e) {
          // the fleet failed: this member's own gate still pauses
        }
      }
    }
    return Exchange.releasingOnClose(response, release);
  }

  @Override
  public String toString() {
    return "FleetTurns{" + sourceId + ", " + coordination + "}";
  }
}

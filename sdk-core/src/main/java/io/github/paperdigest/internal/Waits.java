package io.github.paperdigest.internal;

import io.github.paperdigest.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every wait of the HTTP layer (politeness intervals, {@code Retry-After}, backoff, deadlines) as a
 * future that a single timer thread completes: a waiting request holds no thread, and cancelling
 * the future ends the wait at once. A {@link Sleeper} other than {@link Sleeper#SYSTEM} (a test's
 * fake clock) is called on a pool thread instead, so that fake time passes as the SDK waits.
 */
final class Waits implements AutoCloseable {
  private final Sleeper sleeper;
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService sleepers;

  Waits(Sleeper sleeper) {
    this.sleeper = sleeper;
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("paperdigest-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.sleepers = sleeper == Sleeper.SYSTEM ? null : Executors.newCachedThreadPool(daemon("paperdigest-sleeper"));
  }

  /** A future completed after {@code delay}; cancelling it cancels the wait. */
  CompletableFuture<Void> after(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    if (sleepers != null) {
      return CompletableFuture.runAsync(() -> {
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.util.concurrent.CancellationException("interrupted");
        }
      }, sleepers);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    ScheduledFuture<?> task = timer.schedule(() -> f.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
    f.whenComplete((v, e) -> task.cancel(false));
    return f;
  }

  /** Runs {@code action} on the timer thread after {@code delay} of real time, unless cancelled. */
  ScheduledFuture<?> schedule(Runnable action, Duration delay) {
    return timer.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (sleepers != null) {
      sleepers.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

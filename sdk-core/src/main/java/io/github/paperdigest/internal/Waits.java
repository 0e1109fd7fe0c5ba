package io.github.paperdigest.internal;

import io.github.paperdigest.Sleeper;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Every wait of the HTTP layer (politeness intervals, {@code Retry-After}, backoff, deadlines) as a
 * future that a single timer thread completes: a waiting request holds no thread, and cancelling
 * the future ends the wait at once. A {@link Sleeper} other than {@link Sleeper#SYSTEM} (a test's
 * fake clock) is called on a pool thread instead, so that fake time passes as the SDK waits.
 * Closing fails every wait still under way, and every later one, so that no wait outlives the
 * client.
 */
final class Waits implements AutoCloseable {
  private final Sleeper sleeper;
  private final ScheduledThreadPoolExecutor timer;
  private final @Nullable ExecutorService sleepers;
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  Waits(Sleeper sleeper) {
    this.sleeper = sleeper;
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("paperdigest-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.sleepers =
        sleeper == Sleeper.SYSTEM
            ? null
            : Executors.newCachedThreadPool(daemon("paperdigest-sleeper"));
  }

  /**
   * A future completed after {@code delay}, waited with the sleeper; cancelling it cancels the
   * wait.
   */
  CompletableFuture<Void> after(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    if (sleepers == null) {
      return timer(delay);
    }
    CompletableFuture<Void> f;
    try {
      f =
          CompletableFuture.runAsync(
              () -> {
                try {
                  sleeper.sleep(delay);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new CancellationException("interrupted");
                }
              },
              sleepers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(closedError());
    }
    return tracked(f);
  }

  /**
   * A future completed after {@code delay} of real time, whatever the sleeper; cancelling it
   * cancels it.
   */
  CompletableFuture<Void> timer(Duration delay) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    ScheduledFuture<?> task;
    try {
      task =
          timer.schedule(
              () -> f.complete(null), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(closedError());
    }
    f.whenComplete((v, e) -> task.cancel(false));
    return tracked(f);
  }

  @SuppressWarnings(
      "CollectionUndefinedEquality") // each future is its own entry: identity is meant
  private CompletableFuture<Void> tracked(CompletableFuture<Void> f) {
    pending.add(f);
    f.whenComplete((v, e) -> pending.remove(f));
    if (closed) {
      f.completeExceptionally(closedError());
    }
    return f;
  }

  private static InterruptedIOException closedError() {
    return new InterruptedIOException("the PaperDigest client is closed");
  }

  /** Stops the threads and fails every wait under way. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    if (sleepers != null) {
      sleepers.shutdownNow();
    }
    for (CompletableFuture<Void> f : pending) {
      f.completeExceptionally(closedError());
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

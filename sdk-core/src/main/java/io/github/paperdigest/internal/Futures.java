package io.github.paperdigest.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for the core's futures. */
public final class Futures {
  private Futures() {}

  /** Makes cancelling {@code derived} cancel {@code upstream}; returns {@code derived}. */
  public static <R> CompletableFuture<R> cancelling(
      CompletableFuture<R> derived, CompletableFuture<?> upstream) {
    derived.whenComplete(
        (v, e) -> {
          if (derived.isCancelled()) {
            upstream.cancel(true);
          }
        });
    return derived;
  }

  /** The cause under CompletionException and ExecutionException layers. */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Waits for {@code future} and returns its value, rethrowing a failure as the {@link
   * PaperDigestException} (or other unchecked exception) it carries.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CancellationException e) {
      throw e;
    } catch (CompletionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}

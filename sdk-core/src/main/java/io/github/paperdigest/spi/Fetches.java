package io.github.paperdigest.spi;

import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.SourceParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The implementations of {@link Fetch}'s factories and combinators. */
final class Fetches {
  private Fetches() {}

  /** A fetch of a value that is already known. */
  static <T> Fetch<T> value(T value) {
    Objects.requireNonNull(value, "value == null");
    return new Fetch<>() {
      @Override
      public T execute() {
        return value;
      }

      @Override
      public CompletableFuture<T> executeAsync() {
        return CompletableFuture.completedFuture(value);
      }
    };
  }

  /** A fetch that fails. */
  static <T> Fetch<T> failed(PaperDigestException exception) {
    Objects.requireNonNull(exception, "exception == null");
    return new Fetch<>() {
      @Override
      public T execute() {
        throw exception;
      }

      @Override
      public CompletableFuture<T> executeAsync() {
        return CompletableFuture.failedFuture(exception);
      }
    };
  }

  /** A fetch that runs a supplier. */
  static <T> Fetch<T> supplying(String sourceId, Supplier<T> supplier) {
    Objects.requireNonNull(sourceId, "sourceId == null");
    Objects.requireNonNull(supplier, "supplier == null");
    return new Fetch<>() {
      @Override
      public T execute() {
        try {
          return Objects.requireNonNull(supplier.get(), "supplier returned null");
        } catch (PaperDigestException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new SourceParseException(sourceId, null, "", "unexpected " + e, e);
        }
      }

      @Override
      public CompletableFuture<T> executeAsync() {
        return CompletableFuture.supplyAsync(this::execute).handle(Fetches::unwrapping);
      }
    };
  }

  /** {@code f} applied to the result of {@code fetch}. */
  static <T, R> Fetch<R> map(Fetch<T> fetch, Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f == null");
    return new Fetch<>() {
      @Override
      public R execute() {
        return f.apply(fetch.execute());
      }

      @Override
      public CompletableFuture<R> executeAsync() {
        CompletableFuture<T> upstream = fetch.executeAsync();
        CompletableFuture<R> result = upstream.<R>thenApply(f).handle(Fetches::unwrapping);
        result.whenComplete(
            (v, e) -> {
              if (result.isCancelled()) {
                upstream.cancel(true);
              }
            });
        return result;
      }
    };
  }

  /** {@code fetch}, then the fetch {@code next} makes of its result. */
  static <T, R> Fetch<R> then(Fetch<T> fetch, Function<? super T, ? extends Fetch<R>> next) {
    Objects.requireNonNull(next, "next == null");
    return new Fetch<>() {
      @Override
      public R execute() {
        return next.apply(fetch.execute()).execute();
      }

      @Override
      public CompletableFuture<R> executeAsync() {
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        CompletableFuture<T> first = fetch.executeAsync();
        current.set(first);
        CompletableFuture<R> result =
            first
                .<R>thenCompose(
                    value -> {
                      CompletableFuture<R> second = next.apply(value).executeAsync();
                      current.set(second);
                      return second;
                    })
                .handle(Fetches::unwrapping);
        result.whenComplete(
            (v, e) -> {
              CompletableFuture<?> running = current.get();
              if (result.isCancelled() && running != null) {
                running.cancel(true);
              }
            });
        return result;
      }
    };
  }

  /** {@code fetch}, or on a failure {@code when} accepts, the fetch {@code fallback} makes. */
  static <T> Fetch<T> recover(
      Fetch<T> fetch,
      Predicate<? super PaperDigestException> when,
      Function<? super PaperDigestException, ? extends Fetch<T>> fallback) {
    Objects.requireNonNull(when, "when == null");
    Objects.requireNonNull(fallback, "fallback == null");
    return new Fetch<>() {
      @Override
      public T execute() {
        try {
          return fetch.execute();
        } catch (PaperDigestException e) {
          if (!when.test(e)) {
            throw e;
          }
          return fallback.apply(e).execute();
        }
      }

      @Override
      public CompletableFuture<T> executeAsync() {
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        CompletableFuture<T> first = fetch.executeAsync();
        current.set(first);
        CompletableFuture<T> result =
            first
                .handle(
                    (value, error) -> {
                      if (error == null) {
                        return CompletableFuture.completedFuture(value);
                      }
                      Throwable cause = unwrap(error);
                      if (cause instanceof PaperDigestException e && when.test(e)) {
                        CompletableFuture<T> second = fallback.apply(e).executeAsync();
                        current.set(second);
                        return second;
                      }
                      return CompletableFuture.<T>failedFuture(cause);
                    })
                .thenCompose(Function.identity())
                .handle(Fetches::unwrapping);
        result.whenComplete(
            (v, e) -> {
              CompletableFuture<?> running = current.get();
              if (result.isCancelled() && running != null) {
                running.cancel(true);
              }
            });
        return result;
      }
    };
  }

  /**
   * For {@code handle}: passes the value, rethrows the failure without CompletionException layers.
   */
  static <T> T unwrapping(T value, Throwable error) {
    if (error == null) {
      return value;
    }
    Throwable cause = unwrap(error);
    if (cause instanceof RuntimeException r) {
      throw r instanceof CompletionException ? r : new CompletionException(r);
    }
    throw new CompletionException(cause);
  }

  /** The cause under CompletionException and ExecutionException layers. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

package io.github.paperdigest.internal;

import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.RequestTimeouts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * One request of a source, from its first attempt to its final response: the one place where
 * politeness, retries, redirects, credentials and the deadline are decided. Each attempt waits for
 * a connection slot and a start slot of the source's {@link Gate}, then goes out as its own OkHttp
 * call; 429, 502, 503, 504 and I/O errors are retried with jittered exponential backoff, never
 * sooner than the publisher's {@code Retry-After}; redirects are followed here, hop by hop, so that
 * every hop is throttled.
 *
 * <p>Every wait ends: the whole request, its waits and its body included, has a deadline (the call
 * timeout); the waits for retries add up to at most the policy's {@code maxRetryWait}; a wait that
 * would outlast either fails now, with a typed error, instead of sleeping. A pause an earlier
 * answer asked for, longer than that patience, fails the request before it is sent.
 *
 * <p>Credentials ({@code Authorization}, {@code Cookie}) go only to the origin (scheme, host, port)
 * of the first request: a hop to any other origin drops them for good. A redirect from https to
 * http is refused. A request with credentials is never stored by OkHttp's disk cache.
 *
 * <p>Run it once, blocking with {@link #execute} or asynchronously with {@link #executeAsync}; the
 * asynchronous run holds no thread while it waits, and cancelling its future ends it at once.
 */
final class Exchange {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.http");
  static final int MAX_REDIRECTS = 5;
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  /** What {@link #remaining()} says when there is no deadline. */
  private static final Duration FOREVER = Duration.ofDays(365_000);

  /** What the requests of one source share. */
  record Settings(
      String sourceId,
      okhttp3.OkHttpClient client,
      Gate gate,
      Waits waits,
      java.time.Clock clock,
      Duration callTimeout) {}

  /** Sends one attempt: a new call on the client, or the rest of an interceptor chain. */
  @FunctionalInterface
  interface Sender {
    Response send(Request request) throws IOException;
  }

  private final Settings s;
  private final PolitenessPolicy policy;
  private final long deadlineNanos;

  /** The deadline of this request: the source's, or the request's {@link RequestTimeouts}. */
  private final Duration callTimeout;

  private final @Nullable RequestTimeouts timeouts;
  private final boolean startedHttps;
  private final String firstOrigin;
  private Request request;
  private int attempt;
  private int redirects;
  private Duration waited = Duration.ZERO;
  private volatile boolean cancelled;
  private volatile @Nullable Future<?> currentWait;
  private volatile @Nullable Call currentCall;

  Exchange(Settings settings, Request request) {
    this.s = settings;
    this.policy = settings.gate().policy();
    this.timeouts = request.tag(RequestTimeouts.class);
    this.callTimeout = timeouts != null ? timeouts.call() : settings.callTimeout();
    long timeout = callTimeout.toNanos();
    this.deadlineNanos = timeout == 0 ? NO_DEADLINE : System.nanoTime() + timeout;
    this.startedHttps = request.isHttps();
    this.firstOrigin = origin(request.url());
    this.request = noStoreIfCredentials(request);
    settings.gate().budget().onRequest();
  }

  // ---- blocking ---------------------------------------------------------------------------------

  /** Runs the request on this thread (waiting on it) and returns the final response. */
  Response execute() throws IOException {
    return execute(r -> newCall(r).execute());
  }

  /** As {@link #execute()}, sending each attempt with {@code sender}. */
  Response execute(Sender sender) throws IOException {
    while (true) {
      Gate.Permit permit = await(acquire());
      Response response;
      try {
        response = sender.send(request);
      } catch (IOException e) {
        permit.release();
        await(s.waits().after(onFailure(e)));
        continue;
      }
      Duration again;
      try {
        again = onResponse(response);
      } catch (IOException | RuntimeException e) {
        permit.release();
        throw e;
      }
      if (again == null) {
        return releasingOnClose(response, permit::release);
      }
      response.close();
      permit.release();
      await(s.waits().after(again));
    }
  }

  /** Waits for {@code future}; an interrupt cancels it and ends the wait at once. */
  private <T> T await(CompletableFuture<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while waiting to send " + HttpFetch.redact(request.url()));
    } catch (ExecutionException e) {
      throw rethrow(e.getCause() != null ? e.getCause() : e);
    } catch (CancellationException e) {
      throw new InterruptedIOException("Canceled");
    }
  }

  private static IOException rethrow(Throwable t) {
    Throwable cause = Futures.unwrap(t);
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IOException(cause);
  }

  // ---- asynchronous -----------------------------------------------------------------------------

  /**
   * Runs the request without blocking: waits are timers, attempts are enqueued on OkHttp's
   * dispatcher. Cancelling the future cancels the wait or the call under way.
   */
  CompletableFuture<Response> executeAsync() {
    CompletableFuture<Response> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean done = super.cancel(mayInterruptIfRunning);
            cancelled = true;
            Future<?> w = currentWait;
            if (w != null) {
              w.cancel(false);
            }
            Call c = currentCall;
            if (c != null) {
              c.cancel();
            }
            return done;
          }
        };
    attemptAsync(result);
    return result;
  }

  private void attemptAsync(CompletableFuture<Response> result) {
    CompletableFuture<Gate.Permit> permitted = acquire();
    watch(permitted);
    permitted.whenComplete(
        (permit, error) -> {
          if (error != null) {
            result.completeExceptionally(Futures.unwrap(error));
            return;
          }
          if (cancelled) {
            permit.release();
            return;
          }
          Call call = newCall(request);
          currentCall = call;
          if (cancelled) {
            call.cancel();
          }
          call.enqueue(
              new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                  permit.release();
                  try {
                    retryAsync(Exchange.this.onFailure(e), result);
                  } catch (IOException | RuntimeException x) {
                    result.completeExceptionally(x);
                  }
                }

                @Override
                public void onResponse(Call c, Response response) {
                  Duration again;
                  try {
                    again = Exchange.this.onResponse(response);
                  } catch (IOException | RuntimeException x) {
                    permit.release();
                    result.completeExceptionally(x);
                    return;
                  }
                  if (again == null) {
                    Response released = releasingOnClose(response, permit::release);
                    if (!result.complete(released)) {
                      released.close();
                    }
                    return;
                  }
                  response.close();
                  permit.release();
                  retryAsync(again, result);
                }
              });
        });
  }

  private void retryAsync(Duration delay, CompletableFuture<Response> result) {
    CompletableFuture<Void> wait = s.waits().after(delay);
    watch(wait);
    wait.whenComplete(
        (v, e) -> {
          if (e != null) {
            result.completeExceptionally(Futures.unwrap(e));
          } else if (!cancelled) {
            attemptAsync(result);
          }
        });
  }

  private void watch(Future<?> wait) {
    currentWait = wait;
    if (cancelled) {
      wait.cancel(false);
    }
  }

  // ---- waiting for the gate ---------------------------------------------------------------------

  /**
   * A connection slot and a start slot of the gate, once both are due. Fails at once, typed, when
   * the origin is paused for longer than the patience left, or when the turn could only come after
   * the deadline; fails at the deadline if no slot came by then.
   */
  private CompletableFuture<Gate.Permit> acquire() {
    Gate gate = s.gate();
    Instant notBefore;
    try {
      if (cancelled) {
        throw new InterruptedIOException("Canceled");
      }
      notBefore = checkPause();
      Duration earliest = gate.earliestWait(notBefore);
      if (earliest.compareTo(remaining()) > 0) {
        throw new DeadlineException(
            gate.waiting()
                + " earlier requests are waiting, "
                + policy.minInterval().toMillis()
                + " ms apart: this one could start in "
                + seconds(earliest)
                + " at the earliest, after its deadline ("
                + seconds(callTimeout)
                + ")");
      }
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Gate.Permit> queued = gate.permit();
    CompletableFuture<Gate.Permit> out = new CompletableFuture<>();
    AtomicReference<Future<?>> inner = new AtomicReference<>(queued);
    out.whenComplete(
        (p, e) -> {
          Future<?> current = inner.get();
          if (e != null && current != null) {
            current.cancel(false);
          }
        });
    if (!queued.isDone() && deadlineNanos != NO_DEADLINE) {
      // waiting for a connection slot: bounded by the deadline (a start slot is bounded by reserve)
      CompletableFuture<Void> timeout = s.waits().timer(remaining());
      timeout.whenComplete(
          (v, e) ->
              out.completeExceptionally(
                  e != null
                      ? Futures.unwrap(e)
                      : new DeadlineException(
                          "no connection slot became free before the deadline ("
                              + seconds(callTimeout)
                              + ")")));
      out.whenComplete((p, e) -> timeout.cancel(false));
    }
    queued.whenComplete(
        (permit, e) -> {
          if (e != null) {
            out.completeExceptionally(e);
            return;
          }
          if (out.isDone()) {
            permit.release();
            return;
          }
          Duration wait = gate.reserve(notBefore, remaining());
          if (wait == null) {
            permit.release();
            out.completeExceptionally(
                new DeadlineException(
                    "its turn would come after its deadline (" + seconds(callTimeout) + ")"));
            return;
          }
          CompletableFuture<Void> slot = s.waits().after(wait);
          inner.set(slot);
          slot.whenComplete(
              (v, e2) -> {
                if (e2 != null) {
                  permit.release();
                  out.completeExceptionally(Futures.unwrap(e2));
                } else if (!out.complete(permit)) {
                  permit.release();
                }
              });
          if (out.isDone()) {
            slot.cancel(false);
          }
        });
    return out;
  }

  /** The instant the origin's pause ends (or {@link Instant#MIN}); fails if it is too far off. */
  private Instant checkPause() throws PausedException {
    Gate.Pause pause = s.gate().pause(origin(request.url()));
    if (pause == null) {
      return Instant.MIN;
    }
    Duration left = Duration.between(s.clock().instant(), pause.until());
    Duration patience = min(remaining(), policy.maxRetryWait().minus(waited));
    if (left.compareTo(patience) > 0) {
      throw new PausedException(left, pause.status());
    }
    return pause.until();
  }

  // ---- decisions --------------------------------------------------------------------------------

  /**
   * What to do with {@code response}: null when it is the final response; otherwise it has been
   * closed and the next attempt (a retry, or the next hop of a redirect) goes out after the
   * returned delay.
   */
  @Nullable Duration onResponse(Response response) throws IOException {
    int code = response.code();
    int tried = attempt;
    Request sent = request;
    LOG.log(
        Level.DEBUG,
        () ->
            s.sourceId()
                + ": "
                + sent.method()
                + " "
                + HttpFetch.redact(sent.url())
                + " -> "
                + code
                + (tried == 0 ? "" : " (retry " + tried + ")"));
    String location = response.isRedirect() ? response.header("Location") : null;
    HttpUrl target = location == null ? null : request.url().resolve(location);
    if (target != null) {
      response.close();
      follow(target);
      return Duration.ZERO;
    }
    if (!retryable(code)) {
      return null;
    }
    Instant now = s.clock().instant();
    Duration retryAfter = RetryAfter.parse(response.headers(), now);
    if (retryAfter != null) {
      s.gate().pause(origin(request.url()), now.plus(retryAfter), code);
    }
    Duration delay = backoff(policy, attempt, retryAfter);
    if (attempt >= policy.maxRetries() || !fits(delay) || !s.gate().budget().tryRetry()) {
      LOG.log(
          Level.DEBUG,
          () ->
              s.sourceId()
                  + ": HTTP "
                  + code
                  + " for "
                  + HttpFetch.redact(sent.url())
                  + ", giving up"
                  + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"));
      return null;
    }
    attempt++;
    waited = waited.plus(delay);
    LOG.log(
        Level.WARNING,
        () ->
            s.sourceId()
                + ": HTTP "
                + code
                + " for "
                + HttpFetch.redact(sent.url())
                + "; retry in "
                + delay.toMillis()
                + " ms");
    return delay;
  }

  /** The delay before retrying after {@code e}; rethrows it when it is not to be retried. */
  Duration onFailure(IOException e) throws IOException {
    // not retried: a cancelled call (by us, the caller, or the client's dispatcher), the deadline,
    // a replay miss, a request that is out of retries
    if (cancelled
        || "Canceled".equals(e.getMessage())
        || (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException))
        || e instanceof Recordings.ReplayMissException
        || remaining().isZero()
        || attempt >= policy.maxRetries()) {
      throw e;
    }
    Duration delay = backoff(policy, attempt, null);
    if (!fits(delay) || !s.gate().budget().tryRetry()) {
      throw e;
    }
    attempt++;
    waited = waited.plus(delay);
    Request failed = request;
    LOG.log(
        Level.WARNING,
        () ->
            s.sourceId()
                + ": "
                + e
                + " for "
                + HttpFetch.redact(failed.url())
                + "; retry in "
                + delay.toMillis()
                + " ms");
    return delay;
  }

  /** Whether a wait of {@code delay} stays within the retry-wait budget and before the deadline. */
  private boolean fits(Duration delay) {
    return waited.plus(delay).compareTo(policy.maxRetryWait()) <= 0
        && delay.compareTo(remaining()) < 0;
  }

  /** Makes {@code target} the next hop, dropping credentials on the way to another origin. */
  private void follow(HttpUrl target) throws IOException {
    if (++redirects > MAX_REDIRECTS) {
      throw new TooManyRedirectsException(
          "more than " + MAX_REDIRECTS + " redirects, the last to " + HttpFetch.redact(target));
    }
    if (startedHttps && !target.isHttps()) {
      throw new DowngradeException(
          "refused a redirect from https to http: " + HttpFetch.redact(target));
    }
    Request.Builder next = request.newBuilder().url(target);
    if (!origin(target).equals(firstOrigin)) {
      next.removeHeader("Authorization").removeHeader("Cookie");
    }
    request = next.build();
    attempt = 0;
  }

  private Call newCall(Request r) {
    RequestTimeouts t = timeouts;
    Call call =
        t == null
            ? s.client().newCall(r)
            : s.client() // a derived client shares the pools and dispatcher
                .newBuilder()
                .readTimeout(t.read())
                .build()
                .newCall(r);
    if (deadlineNanos != NO_DEADLINE) {
      call.timeout().timeout(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /** What is left of the deadline (zero once it passed). */
  Duration remaining() {
    if (deadlineNanos == NO_DEADLINE) {
      return FOREVER;
    }
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  static boolean retryable(int code) {
    return code == 429 || code == 502 || code == 503 || code == 504;
  }

  /** Full-range jittered exponential backoff, at least {@code retryAfter}. */
  static Duration backoff(PolitenessPolicy policy, int attempt, @Nullable Duration retryAfter) {
    long base = policy.initialBackoff().toMillis();
    long cap = Math.max(base, policy.maxBackoff().toMillis());
    long exp = attempt >= 30 ? cap : Math.min(cap, base << attempt);
    long jittered = exp / 2 + (exp > 1 ? ThreadLocalRandom.current().nextLong(exp / 2 + 1) : 0);
    Duration delay = Duration.ofMillis(jittered);
    return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
  }

  /** {@code scheme://host:port}: where credentials may go. */
  static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** A request with credentials must never be written to OkHttp's disk cache. */
  private static Request noStoreIfCredentials(Request r) {
    if ((r.header("Authorization") != null || r.header("Cookie") != null)
        && r.header("Cache-Control") == null) {
      return r.newBuilder().header("Cache-Control", "no-store").build();
    }
    return r;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** The response with a body that runs {@code release} when closed (once; a slot, a turn). */
  static Response releasingOnClose(Response response, Runnable release) {
    ResponseBody body = response.body();
    BufferedSource source =
        Okio.buffer(
            new ForwardingSource(body.source()) {
              @Override
              public void close() throws IOException {
                try {
                  super.close();
                } finally {
                  release.run();
                }
              }
            });
    MediaType type = body.contentType();
    long length = body.contentLength();
    ResponseBody wrapped =
        new ResponseBody() {
          @Override
          public @Nullable MediaType contentType() {
            return type;
          }

          @Override
          public long contentLength() {
            return length;
          }

          @Override
          public BufferedSource source() {
            return source;
          }
        };
    return response.newBuilder().body(wrapped).build();
  }

  /** A redirect loop, or a chain too long to be anything else. Not retried. */
  static final class TooManyRedirectsException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    TooManyRedirectsException(String message) {
      super(message);
    }
  }

  /** A redirect from https to http. Not retried. */
  static final class DowngradeException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    DowngradeException(String message) {
      super(message);
    }
  }

  /**
   * A wait that would end after the request's deadline, or a deadline that passed while waiting.
   */
  static final class DeadlineException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DeadlineException(String message) {
      super(message);
    }
  }

  /** Not sent: the origin asked for a pause longer than the request's patience. */
  static final class PausedException extends IOException {
    private static final long serialVersionUID = 1L;
    final Duration left;
    final int status;

    PausedException(Duration left, int status) {
      super(
          "not sent: an earlier answer (HTTP "
              + status
              + ") asked for a pause of "
              + left.toSeconds()
              + " s more");
      this.left = left;
      this.status = status;
    }
  }
}

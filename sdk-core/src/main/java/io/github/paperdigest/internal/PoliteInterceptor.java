package io.github.paperdigest.internal;

import io.github.paperdigest.Sleeper;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * The application interceptor that applies one source's {@link PolitenessPolicy}: it waits for a
 * slot of the source's {@link Throttle}, holds it until the response body is closed, and retries
 * 429, 502, 503, 504 and I/O errors with exponential backoff and jitter, never sooner than the
 * publisher's {@code Retry-After}, within the policy's retry count and the shared
 * {@link RetryBudget}. It follows redirects itself (OkHttp's own following is off for source
 * clients), so that every hop waits for its slot like any request, up to {@link #MAX_REDIRECTS}.
 * When it gives up it returns the last response (or throws the last I/O error), and the fetch
 * layer maps it to a typed exception.
 */
final class PoliteInterceptor implements Interceptor {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.http");
  static final int MAX_REDIRECTS = 5;

  private final String sourceId;
  private final Throttle throttle;
  private final RetryBudget budget;
  private final Clock clock;
  private final Sleeper sleeper;

  PoliteInterceptor(String sourceId, Throttle throttle, RetryBudget budget, Clock clock, Sleeper sleeper) {
    this.sourceId = sourceId;
    this.throttle = throttle;
    this.budget = budget;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    PolitenessPolicy policy = throttle.policy();
    Request request = chain.request();
    budget.onRequest();
    int redirects = 0;
    for (int attempt = 0; ; attempt++) {
      if (chain.call().isCanceled()) {
        throw new IOException("Canceled");
      }
      Throttle.Permit permit = throttle.acquire();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        permit.release();
        if (chain.call().isCanceled() || attempt >= policy.maxRetries() || !budget.tryRetry()) {
          throw e;
        }
        Duration delay = backoff(policy, attempt, null);
        Request failed = request;
        LOG.log(Level.WARNING, () -> sourceId + ": " + e + " for " + failed.url() + "; retry in "
            + delay.toMillis() + " ms");
        sleep(delay);
        continue;
      }
      int code = response.code();
      int tried = attempt;
      Request sent = request;
      LOG.log(Level.DEBUG, () -> sourceId + ": " + sent.method() + " " + HttpFetch.redact(sent.url()) + " -> "
          + code + (tried == 0 ? "" : " (retry " + tried + ")"));
      String location = response.isRedirect() ? response.header("Location") : null;
      okhttp3.HttpUrl target = location == null ? null : request.url().resolve(location);
      if (target != null) {
        response.close();
        permit.release();
        if (++redirects > MAX_REDIRECTS) {
          throw new TooManyRedirectsException("more than " + MAX_REDIRECTS + " redirects, the last to "
              + HttpFetch.redact(target));
        }
        Request.Builder next = request.newBuilder().url(target);
        if (!target.host().equals(request.url().host())) {
          next.removeHeader("Authorization");
        }
        request = next.build();
        attempt = -1;
        continue;
      }
      if (!retryable(code)) {
        return releasingOnClose(response, permit);
      }
      Duration retryAfter = RetryAfter.parse(response.headers(), clock.instant());
      if (retryAfter != null) {
        throttle.deferUntil(clock.instant().plus(retryAfter));
      }
      boolean tooLong = retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0;
      if (tooLong || attempt >= policy.maxRetries() || !budget.tryRetry()) {
        LOG.log(Level.DEBUG, () -> sourceId + ": HTTP " + code + " for " + sent.url() + ", giving up");
        return releasingOnClose(response, permit);
      }
      response.close();
      permit.release();
      Duration delay = backoff(policy, attempt, retryAfter);
      LOG.log(Level.WARNING, () -> sourceId + ": HTTP " + code + " for " + sent.url() + "; retry in "
          + delay.toMillis() + " ms");
      sleep(delay);
    }
  }

  /** A redirect loop, or a chain too long to be anything else. Not retried. */
  static final class TooManyRedirectsException extends java.net.ProtocolException {
    private static final long serialVersionUID = 1L;

    TooManyRedirectsException(String message) {
      super(message);
    }
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

  private void sleep(Duration delay) throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during retry backoff");
    }
  }

  /** The response with a body that releases the throttle permit when closed or exhausted. */
  private static Response releasingOnClose(Response response, Throttle.Permit permit) {
    ResponseBody body = response.body();
    BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          permit.release();
        }
      }
    });
    MediaType type = body.contentType();
    long length = body.contentLength();
    ResponseBody wrapped = new ResponseBody() {
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
}

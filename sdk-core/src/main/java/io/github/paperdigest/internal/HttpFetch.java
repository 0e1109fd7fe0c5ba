package io.github.paperdigest.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.RateLimitedException;
import io.github.paperdigest.model.ResponseTooLargeException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.ResponseParser;
import io.github.paperdigest.spi.SourceResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange of a source, run through the source's client (politeness and retries are its
 * interceptors), with the status mapped to the exception hierarchy, the body limited in size, and
 * the source's parser applied. The one place where HTTP outcomes become typed results.
 */
final class HttpFetch<T> implements Fetch<T> {
  private static final long ERROR_BODY_LIMIT = 64 * 1024;

  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  private final Exchange.Settings http;
  private final Request request;
  private final ResponseParser<T> parser;
  private final ErrorDecoder errorDecoder;
  private final long maxResponseSize;

  HttpFetch(
      Exchange.Settings http,
      Request request,
      ResponseParser<T> parser,
      ErrorDecoder errorDecoder,
      long maxResponseSize) {
    this.http = http;
    this.request = request;
    this.parser = parser;
    this.errorDecoder = errorDecoder;
    this.maxResponseSize = maxResponseSize;
  }

  @Override
  public T execute() {
    Response response;
    try {
      response = new Exchange(http, request).execute();
    } catch (IOException e) {
      throw unavailable(e);
    }
    return handle(response);
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    CompletableFuture<Response> responses = new Exchange(http, request).executeAsync();
    CompletableFuture<T> future =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            responses.cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
          }
        };
    responses.whenComplete(
        (response, error) -> {
          if (error != null) {
            Throwable cause = Futures.unwrap(error);
            future.completeExceptionally(cause instanceof IOException io ? unavailable(io) : cause);
            return;
          }
          try {
            future.complete(handle(response));
          } catch (RuntimeException e) {
            future.completeExceptionally(e);
          }
        });
    return future;
  }

  private T handle(Response response) {
    try (response) {
      String url = redact(response.request().url());
      if (!response.isSuccessful()) {
        throw httpError(response, url);
      }
      ResponseBody body = response.body();
      if (body.contentLength() > maxResponseSize) {
        throw new ResponseTooLargeException(sourceId(), url, maxResponseSize);
      }
      String declaredLength = response.header("Content-Length");
      if (declaredLength != null && declaredLength.strip().startsWith("-")) {
        throw new SourceUnavailableException(
            sourceId(),
            url,
            "the answer declares a negative Content-Length ("
                + (declaredLength.length() > 30
                    ? declaredLength.substring(0, 30) + "…"
                    : declaredLength)
                + ")",
            null);
      }
      BufferedSource limited =
          Okio.buffer(new LimitedSource(body.source(), maxResponseSize, sourceId(), url));
      SourceResponse view = new View(response, limited, body.contentType());
      try {
        if (limited.rangeEquals(0, UTF8_BOM)) {
          limited.skip(UTF8_BOM.size());
        }
        T result = parser.parse(view);
        if (result == null) {
          throw new SourceParseException(
              sourceId(), url, "", "the parser produced no result", null);
        }
        return result;
      } catch (PaperDigestException e) {
        throw e;
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        throw new SourceParseException(
            sourceId(), url, "", "malformed response: " + e.getMessage(), e);
      } catch (IOException e) {
        throw unavailable(e);
      } catch (java.io.UncheckedIOException e) {
        // parsers that stream (jsoup's StreamParser) wrap the failures of the body they read
        throw unavailable(e.getCause() != null ? e.getCause() : new IOException(e));
      } catch (RuntimeException e) {
        ResponseTooLargeException tooLarge = tooLarge(e);
        if (tooLarge != null) {
          throw tooLarge;
        }
        throw new SourceParseException(
            sourceId(), url, "", "unexpected response content (" + e + ")", e);
      }
    }
  }

  private SourceHttpException httpError(Response response, String url) {
    String message = null;
    try {
      BufferedSource source = response.body().source();
      source.request(ERROR_BODY_LIMIT);
      Buffer buffer = source.getBuffer();
      String text =
          buffer
              .clone()
              .readString(
                  Math.min(buffer.size(), ERROR_BODY_LIMIT),
                  charset(response.body().contentType()));
      message = errorDecoder.message(response.code(), text);
    } catch (IOException | RuntimeException e) {
      // The status alone must be reported; a body that cannot be read adds nothing.
    }
    if (response.code() == 429) {
      Duration retryAfter = RetryAfter.parse(response.headers(), http.clock().instant());
      return new RateLimitedException(sourceId(), response.code(), url, message, retryAfter);
    }
    return new SourceHttpException(sourceId(), response.code(), url, message);
  }

  private static @Nullable ResponseTooLargeException tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ResponseTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  private PaperDigestException unavailable(IOException e) {
    ResponseTooLargeException tooLarge = tooLarge(e);
    if (tooLarge != null) {
      return tooLarge;
    }
    String url = redact(request.url());
    if (e instanceof Exchange.PausedException paused) {
      return new RateLimitedException(sourceId(), url, paused.status, paused.left);
    }
    String what;
    if (e instanceof Exchange.DeadlineException) {
      what = "timed out: " + e.getMessage();
    } else if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      what =
          "timed out: no complete answer within the call timeout ("
              + Exchange.seconds(http.callTimeout())
              + ")";
    } else if (e instanceof SocketTimeoutException) {
      what = "timed out (" + e.getMessage() + ")";
    } else if (e instanceof Exchange.TooManyRedirectsException) {
      what = "redirect loop: " + e.getMessage();
    } else if (e instanceof Exchange.DowngradeException
        || e instanceof Recordings.ReplayMissException) {
      what = String.valueOf(e.getMessage());
    } else if ("Canceled".equals(e.getMessage())) {
      what = "request cancelled";
    } else if (e instanceof InterruptedIOException) {
      what = "interrupted: " + e.getMessage();
    } else {
      what = "unreachable: " + e;
    }
    return new SourceUnavailableException(sourceId(), url, what, e);
  }

  private String sourceId() {
    return http.sourceId();
  }

  /** The URL without user info and with secret-looking query parameters hidden. */
  static String redact(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder().username("").password("");
    for (String name : url.queryParameterNames()) {
      String n = name.toLowerCase(java.util.Locale.ROOT);
      if (n.contains("token") || n.contains("key") || n.contains("secret")) {
        b.setQueryParameter(name, "<hidden>");
      }
    }
    return b.build().toString();
  }

  static Charset charset(@Nullable MediaType type) {
    Charset c = type == null ? null : type.charset(null);
    return c == null ? StandardCharsets.UTF_8 : c;
  }

  /** The response as a parser sees it. */
  private static final class View implements SourceResponse {
    private final Response response;
    private final BufferedSource body;
    private final @Nullable MediaType type;

    View(Response response, BufferedSource body, @Nullable MediaType type) {
      this.response = response;
      this.body = body;
      this.type = type;
    }

    @Override
    public HttpUrl url() {
      return response.request().url();
    }

    @Override
    public int code() {
      return response.code();
    }

    @Override
    public Headers headers() {
      return response.headers();
    }

    @Override
    public BufferedSource body() {
      return body;
    }

    @Override
    public String string() throws IOException {
      return body.readString(charset(type));
    }
  }

  /** Fails with {@link ResponseTooLargeException} (wrapped in an IOException) past the limit. */
  static final class LimitedSource extends ForwardingSource {
    private final long limit;
    private final String sourceId;
    private final String url;
    private long read;

    LimitedSource(okio.Source delegate, long limit, String sourceId, String url) {
      super(delegate);
      this.limit = limit;
      this.sourceId = sourceId;
      this.url = url;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new IOException(
              "response body over " + limit + " bytes",
              new ResponseTooLargeException(sourceId, url, limit));
        }
      }
      return n;
    }
  }
}

package io.github.paperdigest.internal;

import com.squareup.moshi.Moshi;
import io.github.paperdigest.Sleeper;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.ResponseParser;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.time.Clock;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import okhttp3.Request;

/**
 * The context of one source: a client derived from the shared one (same pools and dispatcher)
 * with the source's politeness interceptor and the User-Agent, and the fetch factory.
 */
final class DefaultSourceContext implements SourceContext {
  private final String sourceId;
  private final OkHttpClient client;
  private final Moshi moshi;
  private final Clock clock;
  private final SourceConfig config;
  private final PolitenessPolicy politeness;
  private final long maxResponseSize;

  DefaultSourceContext(String sourceId, OkHttpClient shared, String userAgent, Moshi moshi, Clock clock,
      Sleeper sleeper, SourceConfig config, PolitenessPolicy politeness, long maxResponseSize,
      @Nullable Interceptor exchanges) {
    this.sourceId = sourceId;
    this.moshi = moshi;
    this.clock = clock;
    this.config = config;
    this.politeness = politeness;
    this.maxResponseSize = maxResponseSize;
    Throttle throttle = new Throttle(politeness, clock, sleeper);
    // redirects are followed by the politeness interceptor, so that each hop is throttled
    OkHttpClient.Builder b = shared.newBuilder().followRedirects(false).followSslRedirects(false);
    if (exchanges != null) {
      // outermost: a recorder sees the final answer, a replayer answers before politeness waits
      b.addInterceptor(exchanges);
    }
    this.client = b
        .addInterceptor(new UserAgentInterceptor(userAgent))
        .addInterceptor(new PoliteInterceptor(sourceId, throttle, new RetryBudget(), clock, sleeper))
        .build();
  }

  @Override
  public String sourceId() {
    return sourceId;
  }

  @Override
  public OkHttpClient httpClient() {
    return client;
  }

  @Override
  public Moshi moshi() {
    return moshi;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public SourceConfig config() {
    return config;
  }

  @Override
  public PolitenessPolicy politeness() {
    return politeness;
  }

  @Override
  public <T> Fetch<T> fetch(Request request, ResponseParser<T> parser) {
    return fetch(request, parser, ErrorDecoder.PLAIN_TEXT);
  }

  @Override
  public <T> Fetch<T> fetch(Request request, ResponseParser<T> parser, ErrorDecoder errorDecoder) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(parser, "parser == null");
    Objects.requireNonNull(errorDecoder, "errorDecoder == null");
    return new HttpFetch<>(sourceId, client, request, parser, errorDecoder, maxResponseSize, clock);
  }

  @Override
  public String toString() {
    return "SourceContext{" + sourceId + ", " + config + ", " + politeness + "}";
  }
}

package io.github.paperdigest.internal;

import com.squareup.moshi.Moshi;
import io.github.paperdigest.spi.Coordination;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.ResponseParser;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The context of one source: a client derived from the shared one (same pools and dispatcher) with
 * the User-Agent, the source's {@link Gate} and deadline, and the fetch factory. Every fetch runs
 * as an {@link Exchange}.
 */
final class DefaultSourceContext implements SourceContext {
  private final String sourceId;
  private final Moshi moshi;
  private final Clock clock;
  private final SourceConfig config;
  private final PolitenessPolicy politeness;
  private final long maxResponseSize;
  private final ErrorDecoder errorDecoder;
  private final Exchange.Settings http;
  private final OkHttpClient politeClient;

  DefaultSourceContext(
      String sourceId,
      OkHttpClient shared,
      String userAgent,
      Moshi moshi,
      Gates gates,
      SourceConfig config,
      PolitenessPolicy politeness,
      Duration callTimeout,
      long maxResponseSize,
      @Nullable Interceptor exchanges,
      boolean replaying,
      ErrorDecoder errorDecoder,
      Coordination coordination) {
    this.sourceId = sourceId;
    this.moshi = moshi;
    this.clock = gates.clock();
    this.config = config;
    this.politeness = politeness;
    this.maxResponseSize = maxResponseSize;
    this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder() returned null");
    // redirects are followed by the exchange, so that each hop is throttled and credentials checked
    OkHttpClient.Builder b = shared.newBuilder().followRedirects(false).followSslRedirects(false);
    if (exchanges != null) {
      // outermost: a recorder sees every attempt's answer, a replayer answers without going out
      b.addInterceptor(exchanges);
    }
    if (!replaying && coordination != Coordination.local()) {
      // inside the recorder: every attempt that goes out takes a fleet-wide turn
      b.addInterceptor(new FleetTurns(sourceId, politeness, coordination));
    }
    OkHttpClient client = b.addInterceptor(new UserAgentInterceptor(userAgent)).build();
    // a replay answers at once: no intervals, no retries, and no state shared with live clients
    Gate gate =
        replaying
            ? gates.unshared(
                new PolitenessPolicy(
                    Duration.ZERO,
                    Integer.MAX_VALUE,
                    0,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO))
            : gates.gate(sourceId, politeness);
    this.http = new Exchange.Settings(sourceId, client, gate, gates.waits(), clock, callTimeout);
    this.politeClient =
        client
            .newBuilder()
            .addInterceptor(chain -> new Exchange(http, chain.request()).execute(chain::proceed))
            .build();
  }

  @Override
  public String sourceId() {
    return sourceId;
  }

  @Override
  public OkHttpClient httpClient() {
    return politeClient;
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
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(parser, "parser == null");
    return new HttpFetch<>(http, request, parser, errorDecoder, maxResponseSize);
  }

  @Override
  public String toString() {
    return "SourceContext{" + sourceId + ", " + config + ", " + politeness + "}";
  }
}

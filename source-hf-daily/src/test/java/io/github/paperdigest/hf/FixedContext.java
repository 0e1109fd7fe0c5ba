package io.github.paperdigest.hf;

import com.squareup.moshi.Moshi;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.ResponseParser;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** A context at a fixed time that refuses to fetch, for testing pure source logic. */
final class FixedContext implements SourceContext {
  private final Clock clock;

  FixedContext(Instant now) {
    this.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  @Override public String sourceId() { return "hf-daily"; }
  @Override public OkHttpClient httpClient() { throw new UnsupportedOperationException(); }
  @Override public Moshi moshi() { return new Moshi.Builder().build(); }
  @Override public Clock clock() { return clock; }
  @Override public SourceConfig config() { return SourceConfig.of("hf-daily", Map.of(), new Properties(), Map.of()); }
  @Override public PolitenessPolicy politeness() { return PolitenessPolicy.DEFAULT; }
  @Override public <T> Fetch<T> fetch(Request request, ResponseParser<T> parser) { throw new UnsupportedOperationException(); }
  @Override public <T> Fetch<T> fetch(Request request, ResponseParser<T> parser, ErrorDecoder errorDecoder) {
    throw new UnsupportedOperationException();
  }
}

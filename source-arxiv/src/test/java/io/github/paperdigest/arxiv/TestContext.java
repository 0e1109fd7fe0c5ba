package io.github.paperdigest.arxiv;

import com.squareup.moshi.Moshi;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.ResponseParser;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.time.Clock;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** A context with settings and a clock that refuses to fetch, for testing pure source logic. */
final class TestContext implements SourceContext {
  private final SourceConfig config;
  private final Clock clock;

  TestContext(String apiUrl, Clock clock) {
    this.config = SourceConfig.of(Arxiv.ID, Map.of("api-url", apiUrl));
    this.clock = clock;
  }

  @Override
  public String sourceId() {
    return Arxiv.ID;
  }

  @Override
  public OkHttpClient httpClient() {
    throw new UnsupportedOperationException("TestContext does not fetch");
  }

  @Override
  public Moshi moshi() {
    return new Moshi.Builder().build();
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
    return PolitenessPolicy.DEFAULT;
  }

  @Override
  public <T> Fetch<T> fetch(Request request, ResponseParser<T> parser) {
    return fetch(request, parser, ErrorDecoder.PLAIN_TEXT);
  }

  @Override
  public <T> Fetch<T> fetch(Request request, ResponseParser<T> parser, ErrorDecoder errorDecoder) {
    throw new UnsupportedOperationException("TestContext does not fetch");
  }
}

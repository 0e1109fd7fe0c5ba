package io.github.paperdigest.arxiv;

import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.RequestTimeouts;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The arxiv source's OAI-PMH requests, made with its context (politeness, retries, size limit) and
 * its settings {@code oai-url}, {@code oai-read-timeout} and {@code oai-call-timeout}; the source's
 * {@link io.github.paperdigest.spi.PaperSource#extension extension} behind {@link ArxivHarvest}.
 */
final class OaiClient {
  private final SourceContext context;
  private final HttpUrl url;
  private final RequestTimeouts timeouts;

  OaiClient(SourceContext context) {
    this.context = context;
    SourceConfig config = context.config();
    this.url = config.url("oai-url", "https://oaipmh.arxiv.org/oai");
    this.timeouts =
        new RequestTimeouts(
            config.duration("oai-read-timeout", Duration.ofMinutes(2)),
            config.duration("oai-call-timeout", Duration.ofMinutes(5)));
  }

  /** The client's clock. */
  Clock clock() {
    return context.clock();
  }

  /** The first page of {@code ListRecords}. */
  Fetch<OaiParser.OaiPage> list(
      OaiFormat format, @Nullable String set, @Nullable LocalDate from, @Nullable LocalDate until) {
    HttpUrl.Builder u =
        url.newBuilder()
            .addQueryParameter("verb", "ListRecords")
            .addQueryParameter("metadataPrefix", format.prefix());
    if (set != null) {
      u.addQueryParameter("set", set);
    }
    if (from != null) {
      u.addQueryParameter("from", from.toString());
    }
    if (until != null) {
      u.addQueryParameter("until", until.toString());
    }
    return get(u.build());
  }

  /** The page a resumption token names. */
  Fetch<OaiParser.OaiPage> resume(String token) {
    return get(
        url.newBuilder()
            .addQueryParameter("verb", "ListRecords")
            .addQueryParameter("resumptionToken", token)
            .build());
  }

  private Fetch<OaiParser.OaiPage> get(HttpUrl u) {
    Request request =
        new Request.Builder()
            .url(u)
            .header("Accept", "application/xml, text/xml;q=0.9")
            .tag(RequestTimeouts.class, timeouts)
            .build();
    return context.fetch(request, r -> OaiParser.parse(r.byteStream(), r.url().toString()));
  }

  @Override
  public String toString() {
    return "OaiClient{" + url + "}";
  }
}

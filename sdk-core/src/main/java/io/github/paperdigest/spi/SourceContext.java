package io.github.paperdigest.spi;

import com.squareup.moshi.Moshi;
import java.time.Clock;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * What the core hands a source when it creates it: the shared HTTP client and JSON library, the
 * clock, the source's settings and its politeness policy. A source never creates its own {@link
 * OkHttpClient}: requests go through {@link #fetch}, where the core applies politeness, retries,
 * the User-Agent, the size limit and the mapping of failures to typed exceptions. Implementations
 * are thread-safe.
 */
public interface SourceContext {

  /** The id of the source, e.g. {@code arxiv}. */
  String sourceId();

  /**
   * The client's shared OkHttp client, with this source's politeness and the SDK's User-Agent
   * applied. Prefer {@link #fetch}, which also maps failures; use this only for exchanges that do
   * not fit it. Derive variants with {@code newBuilder()}, which keeps the shared pools.
   */
  OkHttpClient httpClient();

  /** The shared Moshi; add a source's adapters with {@code moshi().newBuilder()}. */
  Moshi moshi();

  /** The client's clock, for "today", freshness and fetch times. */
  Clock clock();

  /**
   * This source's settings (builder options, then {@code paperdigest.<id>.*} system properties).
   */
  SourceConfig config();

  /** The politeness policy in force for this source. */
  PolitenessPolicy politeness();

  /**
   * A fetch of {@code request} through the core's HTTP layer, parsed by {@code parser} when the
   * status is 2xx. Other statuses fail with {@link io.github.paperdigest.model.SourceHttpException}
   * (429: {@link io.github.paperdigest.model.RateLimitedException}), I/O errors and timeouts with
   * {@link io.github.paperdigest.model.SourceUnavailableException}, a body over the size limit with
   * {@link io.github.paperdigest.model.ResponseTooLargeException}. The publisher's message is read
   * from error bodies by the provider's {@link PaperSourceProvider#errorDecoder()}.
   */
  <T> Fetch<T> fetch(Request request, ResponseParser<T> parser);
}

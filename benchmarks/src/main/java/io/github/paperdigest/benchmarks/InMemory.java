package io.github.paperdigest.benchmarks;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Clients whose HTTP answers come from memory: the SDK's whole parse path runs (HTTP layer, size
 * limit, source parser, core), without sockets or politeness waits.
 */
final class InMemory {
  private InMemory() {}

  static byte[] resource(String path) {
    try (InputStream in = InMemory.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client whose every request is answered by {@code answer}, with caching as asked. */
  static PaperDigest client(Function<Request, byte[]> answer, String contentType, boolean cache) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(
                            ResponseBody.create(
                                answer.apply(chain.request()), MediaType.get(contentType)))
                        .build())
            .build();
    // measured: the SDK's own work, not the waits the publishers ask for between requests
    PolitenessPolicy free =
        new PolitenessPolicy(
            Duration.ZERO, Integer.MAX_VALUE, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return PaperDigest.builder()
        .httpClient(http)
        .cache(cache)
        .politeness("arxiv", free)
        .politeness("hf-daily", free)
        .build();
  }
}

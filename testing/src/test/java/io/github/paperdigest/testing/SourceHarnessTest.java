package io.github.paperdigest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceContext;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The harness gives a plugin's tests the real client around the plugin, on a fake clock. */
final class SourceHarnessTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  /** A source with one paper per line of plain text at {@code base-url}, 1 s apart, 2 retries. */
  static final class LinesProvider implements PaperSourceProvider {
    @Override
    public String id() {
      return "lines";
    }

    @Override
    public String description() {
      return "A paper title per line";
    }

    @Override
    public PolitenessPolicy politeness() {
      return PolitenessPolicy.DEFAULT
          .withMinInterval(Duration.ofSeconds(1))
          .withMaxRetries(2)
          .withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Override
    public PaperSource create(SourceContext context) {
      HttpUrl base = context.config().url("base-url", "https://example.org/");
      return new PaperSource() {
        @Override
        public SourceCapabilities capabilities() {
          return SourceCapabilities.builder().periods(DigestPeriod.Kind.LATEST).build();
        }

        @Override
        public Fetch<Page> fetchPage(PageRequest request) {
          return context.fetch(
              new Request.Builder().url(base).build(),
              r ->
                  Page.last(
                      r.string()
                          .lines()
                          .map(
                              t -> Paper.builder(PaperId.of("lines", t), t).source("lines").build())
                          .toList(),
                      Duration.ZERO));
        }
      };
    }
  }

  @Test
  void theSourceRunsInARealClientOnAFakeClock() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("alpha\nbeta\n").build());
    server.enqueue(new MockResponse.Builder().body("gamma\n").build());
    try (SourceHarness harness =
        SourceHarness.builder(new LinesProvider())
            .option("base-url", server.url("/day").toString())
            .build()) {
      FakeClock clock = (FakeClock) harness.clock();
      assertThat(harness.sourceId()).isEqualTo("lines");
      assertThat(harness.context().config().string("base-url", "")).endsWith("/day");
      assertThat(harness.source().capabilities().periods())
          .containsExactly(DigestPeriod.Kind.LATEST);
      // the core retried the 503 after the provider's backoff, on the fake clock: no real wait
      assertThat(harness.client().digest("lines").latest().papers())
          .extracting(Paper::title)
          .containsExactly("alpha", "beta");
      assertThat(clock.sleeps()) // the backoff, jittered below the provider's 5 s
          .anyMatch(d -> !d.isNegative() && !d.isZero() && d.compareTo(Duration.ofSeconds(5)) <= 0);
      // no cache by default: the next query reaches the server, a politeness interval later
      assertThat(harness.query().latest().list()).extracting(Paper::title).containsExactly("gamma");
      assertThat(clock.instant()).isAfter(SourceHarness.DEFAULT_START.plusSeconds(1));
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void noBackoffAndPolitenessOverridesAreTheTestsOwn() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    try (SourceHarness harness =
        SourceHarness.builder(new LinesProvider())
            .option("base-url", server.url("/").toString())
            .politeness(PolitenessPolicy.DEFAULT.withMaxRetries(1))
            .noBackoff()
            .build()) {
      assertThatThrownBy(() -> harness.client().digest("lines").latest())
          .isInstanceOf(SourceHttpException.class)
          .hasMessageContaining("503");
      assertThat(((FakeClock) harness.clock()).sleeps()).allMatch(Duration::isZero);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSettingTheSourceRefusesFailsTheBuild() {
    assertThatThrownBy(
            () ->
                SourceHarness.builder(new LinesProvider()).option("base-url", "not a url").build())
        .isInstanceOf(SourceConfigurationException.class)
        .hasMessageContaining("setting base-url");
  }
}

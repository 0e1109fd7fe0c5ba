package io.github.paperdigest;

import static io.github.paperdigest.testing.Json.page;
import static io.github.paperdigest.testing.Json.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PaperDigest#enrich}: batched, cached lookups merged into the given papers. */
final class EnrichTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-10T12:00:00Z"));
  private PaperDigest client;

  @BeforeEach
  void setUp() {
    client =
        PaperDigest.builder()
            .option("test", "base-url", server.url("/").toString())
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** Papers as another source knows them: no categories, no upvotes beyond its own. */
  private static List<Paper> mine(int n) {
    List<Paper> papers = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      papers.add(
          Paper.builder(PaperId.arxiv(String.format("2510.%05d", i)), "Mine " + i)
              .metrics(new Metrics(null, 7, null))
              .source("mine")
              .build());
    }
    papers.add(Paper.builder(PaperId.of("doi", "10.1/x"), "Not arXiv").source("mine").build());
    return papers;
  }

  @Test
  void looksUpInBatchesOfTheSourcesSizeAndMergesEachIntoItsPaper() throws Exception {
    // the test source looks up at most 3 ids a request
    server.enqueue(
        new MockResponse.Builder()
            .body(
                page(
                    null,
                    paper("2510.00001", "Theirs 1", 11, "2025-10-01T00:00:00Z", "Ada"),
                    paper("2510.00003", "Theirs 3", 33, "2025-10-03T00:00:00Z", "Alan")))
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .body(page(null, paper("2510.00004", "Theirs 4", 44, "2025-10-04T00:00:00Z")))
            .build());

    List<Paper> enriched = client.enrich(mine(4), "test");

    assertThat(enriched)
        .extracting(Paper::title)
        .containsExactly("Mine 1", "Mine 2", "Mine 3", "Mine 4", "Not arXiv");
    assertThat(enriched.get(0).categories()).containsExactly("cs.CL");
    assertThat(enriched.get(0).metrics()).isEqualTo(new Metrics(11, 7, null));
    assertThat(enriched.get(0).source()).isEqualTo("mine");
    assertThat(enriched.get(1).categories()).isEmpty(); // unknown to the source: unchanged
    assertThat(enriched.get(4)).isEqualTo(mine(4).get(4));
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getUrl().queryParameter("ids")).isEqualTo("2510.00001,2510.00002,2510.00003");
    assertThat(second.getUrl().queryParameter("ids")).isEqualTo("2510.00004");

    // cached like any other answer: no third request
    assertThat(client.enrich(mine(4), "test")).isEqualTo(enriched);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aDigestKeepsItsPeriodAndFlags() {
    server.enqueue(
        new MockResponse.Builder()
            .body(page(null, paper("2510.00001", "Theirs", 1, "2025-10-01T00:00:00Z")))
            .build());
    Digest day =
        new Digest(
            "mine",
            DigestPeriod.day(java.time.LocalDate.of(2025, 10, 1)),
            mine(1),
            clock.instant(),
            true,
            false);
    Digest enriched = client.enrich(day, "test");
    assertThat(enriched.period()).isEqualTo(day.period());
    assertThat(enriched.source()).isEqualTo("mine");
    assertThat(enriched.papers().get(0).metrics().upvotes()).isEqualTo(1);
  }

  @Test
  void failuresAreTypedAndNothingIsCached() {
    server.enqueue(new MockResponse.Builder().code(404).body("no").build());
    assertThatThrownBy(() -> client.enrich(mine(1), "test"))
        .isInstanceOf(SourceHttpException.class);
    assertThatThrownBy(() -> client.enrich(mine(1), "plain"))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("does not look papers up");
  }

  @Test
  void nothingToLookUpSendsNothing() {
    assertThat(client.enrich(List.of(), "test")).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }
}

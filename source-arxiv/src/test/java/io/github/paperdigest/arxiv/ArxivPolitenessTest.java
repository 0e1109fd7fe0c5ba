package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * arXiv's terms: one request every three seconds, one connection at a time, whatever the caller
 * does.
 */
final class ArxivPolitenessTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final List<Instant> starts = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private PaperDigest client(String... options) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            starts.add(clock.instant());
            try {
              Thread.sleep(5);
              if (request.getUrl().queryParameter("search_query").contains("busy")
                  && starts.size() == 1) {
                return new MockResponse.Builder().code(503).body("busy").build();
              }
              return Fixtures.atom("api_idlist_1707.08567_comment.xml");
            } catch (InterruptedException e) {
              throw new AssertionError(e);
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
    return Fixtures.client(server, clock, options).build();
  }

  @Test
  void threeSecondsApartAndOneAtATimeUnderEightCallers() throws Exception {
    try (PaperDigest client = client()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String text = "caller" + i;
        calls.add(pool.submit(() -> client.from("arxiv").search(text).list()));
      }
      for (Future<?> f : calls) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(starts).hasSize(8);
    List<Instant> sorted = starts.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void busyAnswersBackOffAndStillKeepTheInterval() {
    try (PaperDigest client = client()) {
      assertThat(client.from("arxiv").search("busy").list()).hasSize(1);
    }
    assertThat(starts).hasSize(2);
    assertThat(Duration.between(starts.get(0), starts.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aMirrorMayBeAskedFasterOnlyByAnExplicitSetting() {
    try (PaperDigest client = client("min-interval", "PT0.5S")) {
      client.from("arxiv").search("a").list();
      client.from("arxiv").search("b").list();
    }
    assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofMillis(500));
  }
}

package io.github.paperdigest;

import static io.github.paperdigest.testing.Json.page;
import static io.github.paperdigest.testing.Json.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class CacheTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-10T12:00:00Z"));
  private PaperDigest client;

  static final String P1 =
      paper("2510.00001", "Sparse attention", 40, "2025-10-01T00:00:00Z", "Ada");

  @BeforeEach
  void setUp() {
    client =
        PaperDigest.builder()
            .option("test", "base-url", server.url("/").toString())
            .politeness(
                "test",
                io.github.paperdigest.spi.PolitenessPolicy.DEFAULT.withBackoff(
                    Duration.ZERO, Duration.ZERO))
            .clock(clock)
            .sleeper(clock.sleeper())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private MockResponse json(String body, int freshnessSeconds) {
    return new MockResponse.Builder().body(body).addHeader("X-Freshness", freshnessSeconds).build();
  }

  @Test
  void identicalQueriesAreServedFromCacheUntilTheirFreshnessRunsOut() {
    server.enqueue(json(page(null, P1), 60));
    server.enqueue(json(page(null, P1, paper("2510.00002", "New", 1, "2025-10-02T00:00:00Z")), 60));

    assertThat(client.from("test").search("x").list()).hasSize(1);
    assertThat(client.from("test").search("x").list()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(client.cacheStats().hitCount()).isEqualTo(1);
    assertThat(client.cacheStats().missCount()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(59));
    assertThat(client.from("test").search("x").list()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(client.from("test").search("x").list()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void localCriteriaShareTheCachedPage() {
    server.enqueue(json(page(null, P1), 600));
    assertThat(client.from("test").search("x").minUpvotes(100).list()).isEmpty();
    assertThat(client.from("test").search("x").minUpvotes(10).list()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void zeroFreshnessIsNotKept() {
    server.enqueue(json(page(null, P1), 0));
    server.enqueue(json(page(null, P1), 0));
    client.from("test").list();
    client.from("test").list();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void failuresAreNeverCached() {
    server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
    server.enqueue(json("{\"nope\":1}", 600));
    server.enqueue(json(page(null, P1), 600));

    assertThatThrownBy(() -> client.from("test").list())
        .isInstanceOf(SourceHttpException.class)
        .hasMessageEndingWith(": boom");
    assertThatThrownBy(() -> client.from("test").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("$: missing array 'papers'");
    assertThat(client.from("test").list()).hasSize(1);
    assertThat(client.from("test").list()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(client.cacheStats().loadFailureCount()).isEqualTo(2);
  }

  @Test
  void concurrentIdenticalQueriesShareOneUpstreamCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return json(page(null, P1), 600);
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Paper>>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.from("test").on(LocalDate.of(2025, 10, 3)).list();
                }));
      }
      start.countDown();
      Thread.sleep(200);
      release.countDown();
      for (Future<List<Paper>> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS))
            .extracting(Paper::title)
            .containsExactly("Sparse attention");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(client.cacheStats().requestCount()).isEqualTo(32);
  }

  @Test
  void disabledCacheGoesUpstreamEveryTime() {
    PaperDigest uncached = client.newBuilder().cache(false).build();
    server.enqueue(json(page(null, P1), 600));
    server.enqueue(json(page(null, P1), 600));
    uncached.from("test").list();
    uncached.from("test").list();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(uncached.cacheStats()).isEqualTo(CacheStats.EMPTY);
    uncached.close();
  }

  @Test
  void onDiskHttpCacheServesRepeatedRequestsAcrossClients(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    server.enqueue(
        new MockResponse.Builder()
            .body(page(null, P1))
            .addHeader("Cache-Control", "max-age=3600")
            .build());
    for (int i = 0; i < 2; i++) {
      try (PaperDigest disk =
          PaperDigest.builder()
              .option("test", "base-url", server.url("/").toString())
              .cache(false)
              .httpCache(dir, 1_000_000)
              .build()) {
        assertThat(disk.from("test").list())
            .extracting(Paper::title)
            .containsExactly("Sparse attention");
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void invalidateDropsEverything() {
    server.enqueue(json(page(null, P1), 600));
    server.enqueue(json(page(null, P1), 600));
    client.from("test").list();
    client.invalidateCache();
    client.from("test").list();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  private PaperDigest staleClient(Duration window) {
    return PaperDigest.builder()
        .option("test", "base-url", server.url("/").toString())
        .politeness("test", io.github.paperdigest.spi.PolitenessPolicy.DEFAULT.withMaxRetries(0))
        .clock(clock)
        .sleeper(clock.sleeper())
        .staleIfError(window)
        .build();
  }

  @Test
  void staleIfErrorServesTheLastAnswerMarkedStaleWithinItsWindow() {
    server.enqueue(json(page(null, P1), 600));
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    server.enqueue(
        json(page(null, P1, paper("2510.00002", "New", 1, "2025-10-02T00:00:00Z")), 600));
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    LocalDate day = LocalDate.of(2025, 10, 9);
    try (PaperDigest stale = staleClient(Duration.ofHours(1))) {
      Digest first = stale.digest("test").on(day);
      assertThat(first.stale()).isFalse();

      clock.advance(Duration.ofMinutes(11)); // past freshness: refresh fails
      Digest served = stale.digest("test").on(day);
      assertThat(served.stale()).isTrue();
      assertThat(served.papers()).isEqualTo(first.papers());
      assertThat(served.fetchedAt()).isEqualTo(first.fetchedAt());
      assertThat(stale.cacheStats().staleCount()).isEqualTo(1);

      clock.advance(Duration.ofMinutes(1)); // asked again: still failing, still stale
      assertThat(stale.digest("test").on(day).stale()).isTrue();
      clock.advance(Duration.ofMinutes(1)); // the source is back: fresh again
      Digest back = stale.digest("test").on(day);
      assertThat(back.stale()).isFalse();
      assertThat(back.papers()).hasSize(2);

      clock.advance(Duration.ofMinutes(80)); // past freshness and the window: the error
      assertThatThrownBy(() -> stale.digest("test").on(day))
          .isInstanceOf(SourceHttpException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void staleIfErrorNeverHidesAnErrorOfTheQuery() {
    server.enqueue(json(page(null, P1), 60));
    server.enqueue(new MockResponse.Builder().code(404).body("gone").build());
    try (PaperDigest stale = staleClient(Duration.ofHours(1))) {
      stale.from("test").search("x").list();
      clock.advance(Duration.ofMinutes(2));
      assertThatThrownBy(() -> stale.from("test").search("x").list())
          .isInstanceOfSatisfying(
              SourceHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  @Test
  void withoutStaleIfErrorAFailedRefreshIsAnError() {
    server.enqueue(json(page(null, P1), 60));
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    try (PaperDigest plain = staleClient(Duration.ZERO)) {
      plain.from("test").search("x").list();
      clock.advance(Duration.ofMinutes(2));
      assertThatThrownBy(() -> plain.from("test").search("x").list())
          .isInstanceOf(SourceHttpException.class);
      assertThat(plain.cacheStats().staleCount()).isZero();
    }
  }
}

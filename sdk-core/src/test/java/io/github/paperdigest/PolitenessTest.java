package io.github.paperdigest;

import static io.github.paperdigest.testing.Json.page;
import static io.github.paperdigest.testing.Json.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.RateLimitedException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

final class PolitenessTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-10T12:00:00Z"));

  static final String P1 =
      paper("2510.00001", "Sparse attention", 40, "2025-10-01T00:00:00Z", "Ada");

  private PaperDigest client(PolitenessPolicy policy) {
    return PaperDigest.builder()
        .option("test", "base-url", server.url("/").toString())
        .politeness("test", policy)
        .cache(false)
        .clock(clock)
        .sleeper(clock.sleeper())
        .build();
  }

  @Test
  void intervalAndConcurrencyHoldUnderEightThreads() throws Exception {
    Counting counting = new Counting(5);
    server.setDispatcher(counting);
    PolitenessPolicy arxivLike =
        PolitenessPolicy.DEFAULT.withMinInterval(Duration.ofSeconds(3)).withMaxConcurrent(1);
    try (PaperDigest client = client(arxivLike)) {
      eightDistinctQueriesAtOnce(client);
    }
    assertThat(counting.starts).hasSize(8);
    List<Instant> sorted = counting.starts.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
    assertThat(counting.maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void concurrencyLimitHoldsWithRealTime() throws Exception {
    Counting counting = new Counting(30);
    server.setDispatcher(counting);
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT.withMaxConcurrent(2))) {
      eightDistinctQueriesAtOnce(client);
    }
    assertThat(counting.maxInFlight.get()).isBetween(1, 2);
    assertThat(server.getRequestCount()).isEqualTo(8);
  }

  /** Runs 8 queries with distinct cache keys on 8 threads and waits for all of them. */
  private static void eightDistinctQueriesAtOnce(PaperDigest client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        done.add(pool.submit(() -> client.from("test").search("q" + n).list()));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Answers every request after {@code millis}, recording start times and the peak in flight. */
  private final class Counting extends Dispatcher {
    final List<Instant> starts = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final long millis;

    Counting(long millis) {
      this.millis = millis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      starts.add(clock.instant());
      Thread.sleep(millis);
      inFlight.decrementAndGet();
      return new MockResponse.Builder().body(page(null, P1)).build();
    }
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().body(page(null, P1)).build());
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT)) {
      assertThat(client.from("test").list()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(20).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", date).build());
    server.enqueue(new MockResponse.Builder().body(page(null, P1)).build());
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT)) {
      assertThat(client.from("test").list()).hasSize(1);
    }
    assertThat(clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void rateLimitHeaderIsHonoured() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("RateLimit", "\"api\";r=0;t=42").build());
    server.enqueue(new MockResponse.Builder().body(page(null, P1)).build());
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT)) {
      client.from("test").list();
    }
    assertThat(clock.sleeps())
        .anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(42)));
  }

  @Test
  void retriesAreBoundedAndEndInRateLimitedException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    }
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT.withMaxRetries(2))) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> {
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                assertThat(e.status()).isEqualTo(429);
              })
          .hasMessageMatching(
              "test: HTTP 429 from http://.*/papers \\(rate limited; retry after 2 s\\)");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRetryAfterBeyondTheCapFailsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT)) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps()).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofMinutes(1)));
  }

  @Test
  void serverErrorsAreRetriedWithBackoffOtherClientErrorsAreNot() {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(504).build());
    server.enqueue(new MockResponse.Builder().body(page(null, P1)).build());
    server.enqueue(new MockResponse.Builder().code(400).body("bad query").build());
    server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
    try (PaperDigest client = client(PolitenessPolicy.DEFAULT)) {
      assertThat(client.from("test").list()).hasSize(1);
      List<Duration> backoffs = clock.sleeps().stream().filter(d -> !d.isZero()).toList();
      assertThat(backoffs).hasSize(2);
      assertThat(backoffs.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
      assertThat(backoffs.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThatThrownBy(() -> client.from("test").search("x").list())
          .isInstanceOfSatisfying(
              SourceHttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.publisherMessage()).isEqualTo("bad query");
              });
      assertThatThrownBy(() -> client.from("test").search("y").list())
          .isInstanceOfSatisfying(
              SourceHttpException.class, e -> assertThat(e.status()).isEqualTo(500));
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void configuredIntervalComesFromSettings() {
    System.setProperty("paperdigest.test.min-interval", "PT2S");
    try (PaperDigest client =
        PaperDigest.builder()
            .option("test", "base-url", server.url("/").toString())
            .clock(clock)
            .sleeper(clock.sleeper())
            .cache(false)
            .build()) {
      server.enqueue(new MockResponse.Builder().body(page(null, P1)).build());
      server.enqueue(new MockResponse.Builder().body(page(null, P1)).build());
      client.from("test").list();
      client.from("test").list();
    } finally {
      System.clearProperty("paperdigest.test.min-interval");
    }
    assertThat(clock.sleeps()).contains(Duration.ofSeconds(2));
  }
}

package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.testing.FakeClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that misbehaves on purpose, for what the fault matrix cannot script with one server:
 * credentials and redirects across origins, the disk cache, politeness shared by derived clients,
 * waits that hold no thread and end when cancelled, and waits that would outlast the deadline.
 */
final class HostilePublisherTest {
  private static final String TOKEN = "hf_SECRET0123456789";
  private static final LocalDate DAY = LocalDate.of(2025, 10, 3);

  @StartStop private final MockWebServer server = new MockWebServer();
  @StartStop private final MockWebServer other = new MockWebServer();
  @TempDir Path tmp;

  private static MockResponse hfDay() {
    return new MockResponse.Builder()
        .body(Resources.text("hf-daily/daily_papers_2025-10-03.json"))
        .addHeader("Content-Type", "application/json")
        .build();
  }

  private static MockResponse atom() {
    return new MockResponse.Builder()
        .body(Resources.text("arxiv/api_query_all-testing_start0_max10.xml"))
        .addHeader("Content-Type", "application/atom+xml")
        .build();
  }

  private static MockResponse redirect(String location) {
    return new MockResponse.Builder().code(302).addHeader("Location", location).build();
  }

  private PaperDigest.Builder hf(String base) {
    return PaperDigest.builder()
        .option("hf-daily", "base-url", base)
        .option("hf-daily", "token", TOKEN);
  }

  @Test
  void theTokenGoesOnlyToTheOriginOfTheConfiguredUrl() throws Exception {
    // same host, another port: another origin
    String elsewhere =
        "http://127.0.0.1:" + other.getPort() + "/api/daily_papers?date=2025-10-03&p=0&limit=100";
    server.enqueue(redirect("/moved/api/daily_papers?date=2025-10-03&p=0&limit=100"));
    server.enqueue(redirect(elsewhere));
    other.enqueue(hfDay());
    try (PaperDigest client = hf("http://127.0.0.1:" + server.getPort() + "/").build()) {
      assertThat(client.digest("hf-daily").on(DAY).size()).isEqualTo(39);
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .as("same origin, next hop")
        .isEqualTo("Bearer " + TOKEN);
    RecordedRequest moved = other.takeRequest();
    assertThat(moved.getHeaders().get("Authorization")).as("another port").isNull();
    assertThat(moved.getHeaders().get("User-Agent")).startsWith("PaperDigest/");
  }

  @Test
  void aRedirectFromHttpsToHttpIsRefused() {
    HeldCertificate localhost =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverCerts =
        new HandshakeCertificates.Builder().heldCertificate(localhost).build();
    HandshakeCertificates clientCerts =
        new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
    server.useHttps(serverCerts.sslSocketFactory());
    server.enqueue(redirect("http://localhost:" + other.getPort() + "/api/daily_papers"));
    OkHttpClient trusting =
        new OkHttpClient.Builder()
            .sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager())
            .build();

    try (PaperDigest client = hf(server.url("/").toString()).httpClient(trusting).build()) {
      assertThat(server.url("/").isHttps()).isTrue();
      assertThatThrownBy(() -> client.digest("hf-daily").on(DAY))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining(
              "refused a redirect from https to http: http://localhost:" + other.getPort())
          .hasMessageNotContaining(TOKEN);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(other.getRequestCount()).as("nothing went out in clear text").isZero();
  }

  @Test
  void theDiskCacheNeverStoresCredentialsAndIsOwnerOnly() throws Exception {
    Path cache = tmp.resolve("http-cache");
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return hfDay()
                .newBuilder()
                .addHeader("Cache-Control", "max-age=3600")
                .addHeader("Vary", "Authorization")
                .build();
          }
        });
    try (PaperDigest client = hf(server.url("/").toString()).httpCache(cache, 1 << 20).build()) {
      client.digest("hf-daily").on(DAY);
    }
    assertThat(filesIn(cache))
        .allSatisfy(
            f ->
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(TOKEN));
    assertThat(filesIn(cache))
        .as("no entry for a request with credentials")
        .noneMatch(f -> f.getFileName().toString().endsWith(".0"));

    // the same request without a token is cached: the check above is not vacuous
    try (PaperDigest client =
        PaperDigest.builder()
            .option("hf-daily", "base-url", server.url("/").toString())
            .httpCache(cache, 1 << 20)
            .build()) {
      client.digest("hf-daily").on(DAY);
    }
    assertThat(filesIn(cache)).anyMatch(f -> f.getFileName().toString().endsWith(".0"));
    if (Files.getFileStore(cache).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(cache))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE);
      assertThat(filesIn(cache))
          .isNotEmpty()
          .allSatisfy(
              f ->
                  assertThat(Files.getPosixFilePermissions(f))
                      .containsExactlyInAnyOrder(
                          PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  private static List<Path> filesIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void derivedClientsShareTheThrottle() {
    FakeClock clock = new FakeClock(Instant.parse("2025-10-06T12:00:00Z"));
    List<Instant> starts = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            starts.add(clock.instant());
            return atom();
          }
        });
    try (PaperDigest parent =
        PaperDigest.builder()
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .clock(clock)
            .sleeper(clock.sleeper())
            .build()) {
      PaperDigest child = parent.newBuilder().cacheMaximumSize(10).build();
      parent.from("arxiv").search("one").limit(10).list();
      child.from("arxiv").search("two").limit(10).list();
      parent.from("arxiv").search("three").limit(10).list();
      child.close();
    }
    assertThat(starts).hasSize(3);
    assertThat(Duration.between(starts.get(0), starts.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(Duration.between(starts.get(1), starts.get(2)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void pendingAsyncQueriesHoldNoThreadAndEndWhenCancelled() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getUrl().encodedPath().equals("/unrelated")
                ? new MockResponse.Builder().body("ok").build()
                : atom();
          }
        });
    OkHttpClient users = new OkHttpClient();
    // 100 requests 3 s apart need 5 minutes: a deadline long enough for all of them to wait
    try (PaperDigest client =
        PaperDigest.builder()
            .httpClient(users)
            .callTimeout(Duration.ofMinutes(10))
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .build()) {
      List<CompletableFuture<List<Paper>>> pending = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        pending.add(client.from("arxiv").search("topic" + i).limit(10).listAsync());
      }
      pending.get(0).get(5, TimeUnit.SECONDS); // the first goes at once; the others wait 3 s apart
      // the first call's dispatcher thread leaves its callback just after completing the future
      long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while ((users.dispatcher().runningCallsCount() > 0 || !threadsInTheSdk().isEmpty())
          && System.nanoTime() < settle) {
        Thread.sleep(10);
      }

      assertThat(users.dispatcher().runningCallsCount()).isZero();
      assertThat(users.dispatcher().queuedCallsCount()).isZero();
      assertThat(threadsInTheSdk()).as("threads waiting inside the SDK").isEmpty();
      assertThat(pending.subList(1, 100))
          .as("still waiting their turn")
          .noneMatch(CompletableFuture::isDone);
      long before = System.nanoTime();
      try (Response r =
          users.newCall(new Request.Builder().url(server.url("/unrelated")).build()).execute()) {
        assertThat(r.body().string()).isEqualTo("ok");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - before))
          .as("the user's own call")
          .isLessThan(Duration.ofSeconds(1));

      long cancelled = System.nanoTime();
      pending.subList(1, 100).forEach(f -> f.cancel(true));
      assertThat(pending.subList(1, 100)).allMatch(CompletableFuture::isCancelled);
      assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(server.getRequestCount()).as("one arXiv request and the user's").isEqualTo(2);
  }

  /** Threads (other than this one) with a frame of PaperDigest's code on their stack. */
  private static List<String> threadsInTheSdk() {
    List<String> found = new ArrayList<>();
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      if (t.getThreadId() == Thread.currentThread().getId()) {
        continue;
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().startsWith("io.github.paperdigest.internal")) {
          found.add(t.getThreadName() + " at " + frame);
          break;
        }
      }
    }
    return found;
  }

  @Test
  void anInterruptEndsAPolitenessWaitAtOnce() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return atom();
          }
        });
    try (PaperDigest client =
        PaperDigest.builder()
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .build()) {
      client.from("arxiv").search("first").limit(10).list();
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      Thread waiting =
          new Thread(
              () ->
                  outcome.set(
                      catchThrowable(
                          () -> client.from("arxiv").search("second").limit(10).list())));
      waiting.start();
      Thread.sleep(300); // it now waits ~2.7 s for its turn
      long interrupted = System.nanoTime();
      waiting.interrupt();
      waiting.join(2_000);
      assertThat(waiting.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - interrupted))
          .isLessThan(Duration.ofSeconds(1));
      assertThat(outcome.get())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("interrupted");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingTheClientEndsTheWaitsUnderWay() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return atom();
          }
        });
    PaperDigest client =
        PaperDigest.builder()
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .build();
    client.from("arxiv").search("first").limit(10).list();
    CompletableFuture<List<Paper>> waiting =
        client.from("arxiv").search("second").limit(10).listAsync();
    Thread.sleep(100); // it now waits ~2.9 s for its turn
    assertThat(waiting).isNotDone();

    client.close();

    assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("the PaperDigest client is closed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aWaitThatWouldOutlastTheDeadlineFailsNow() {
    FakeClock clock = new FakeClock(Instant.parse("2025-10-06T12:00:00Z"));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return atom();
          }
        });
    try (PaperDigest client =
        PaperDigest.builder()
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .option("arxiv", "call-timeout", "1")
            .clock(clock)
            .sleeper(clock.sleeper())
            .build()) {
      client.from("arxiv").search("first").limit(10).list();
      long started = System.nanoTime();
      assertThatThrownBy(() -> client.from("arxiv").search("second").limit(10).list())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("timed out: ")
          .hasMessageContaining("after its deadline (1 s)");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}

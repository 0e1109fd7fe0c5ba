package io.github.paperdigest;

import static io.github.paperdigest.testing.Json.page;
import static io.github.paperdigest.testing.Json.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.ResponseTooLargeException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.testing.FakeClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

final class ErrorsTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-10T12:00:00Z"));

  private PaperDigest.Builder builder(String baseUrl) {
    return PaperDigest.builder()
        .option("test", "base-url", baseUrl)
        .politeness(
            "test",
            PolitenessPolicy.DEFAULT.withMaxRetries(1).withBackoff(Duration.ZERO, Duration.ZERO))
        .clock(clock)
        .sleeper(clock.sleeper());
  }

  @Test
  void refusedConnectionIsUnavailableAfterRetry() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (PaperDigest client = builder("http://127.0.0.1:" + port + "/").build()) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOfSatisfying(
              SourceUnavailableException.class,
              e -> {
                assertThat(e.url()).isEqualTo("http://127.0.0.1:" + port + "/papers");
                assertThat(e.sourceId()).isEqualTo("test");
              })
          .hasMessageStartingWith("test: unreachable: java.net.ConnectException")
          .hasCauseInstanceOf(java.net.ConnectException.class);
    }
  }

  @Test
  void slowBodyTimesOut() {
    server.enqueue(
        new MockResponse.Builder().body(page(null)).headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(
        new MockResponse.Builder().body(page(null)).headersDelay(2, TimeUnit.SECONDS).build());
    try (PaperDigest client =
        builder(server.url("/").toString()).readTimeout(Duration.ofMillis(200)).build()) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageStartingWith("test: timed out");
    }
  }

  @Test
  void connectionResetMidBodyIsUnavailable() {
    String body = page(null, paper("2510.00001", "T", 1, "2025-10-01T00:00:00Z", "A"));
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .body(body.substring(0, body.length() / 2))
              .setHeader("Content-Length", body.length())
              .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
              .build());
    }
    try (PaperDigest client = builder(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("unexpected end of stream");
    }
  }

  @Test
  void bodyOverTheLimitFailsWithItsOwnType() {
    String big = page(null, paper("2510.00001", "T".repeat(5000), 1, "2025-10-01T00:00:00Z", "A"));
    server.enqueue(new MockResponse.Builder().body(big).build());
    server.enqueue(new MockResponse.Builder().chunkedBody(big, 512).build());
    try (PaperDigest client = builder(server.url("/").toString()).maxResponseSize(1000).build()) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOfSatisfying(
              ResponseTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(1000))
          .hasMessageContaining("response body larger than the limit of 1000 bytes");
      assertThatThrownBy(() -> client.from("test").search("chunked").list())
          .isInstanceOf(ResponseTooLargeException.class);
    }
  }

  @Test
  void malformedJsonIsAParseError() {
    server.enqueue(new MockResponse.Builder().body("{\"papers\":[{\"id\":").build());
    server.enqueue(new MockResponse.Builder().body("{\"papers\":[{\"title\":\"no id\"}]}").build());
    try (PaperDigest client = builder(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOf(SourceParseException.class)
          .hasMessageMatching("test: cannot parse http://.*/papers: malformed response: .*");
      assertThatThrownBy(() -> client.from("test").search("x").list())
          .isInstanceOfSatisfying(
              SourceParseException.class, e -> assertThat(e.where()).isEqualTo("papers[0]"))
          .hasMessageEndingWith("papers[0]: missing field 'id' or 'title'");
    }
  }

  @Test
  void errorBodiesAreReadOnlyInPart() {
    Buffer huge = new Buffer();
    for (int i = 0; i < 200_000; i++) {
      huge.writeUtf8("error ");
    }
    server.enqueue(new MockResponse.Builder().code(404).body(huge).build());
    try (PaperDigest client = builder(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> client.from("test").list())
          .isInstanceOfSatisfying(
              SourceHttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.publisherMessage()).hasSizeLessThan(400).endsWith("…");
              });
    }
  }
}

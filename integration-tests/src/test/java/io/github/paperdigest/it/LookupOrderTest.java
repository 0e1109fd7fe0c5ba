package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@code client.paper(id)} asks the sources in a documented order, whatever the class path, and one
 * source's failure does not hide another's answer. Both real sources, against one server: the arXiv
 * API fails, Hugging Face knows the paper.
 */
final class LookupOrderTest {
  private static final PaperId ID = PaperId.parse("arxiv:2510.02283");

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-20T12:00:00Z"));
  private final List<String> asked = new CopyOnWriteArrayList<>();

  private void serve(boolean huggingFaceKnowsIt) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            asked.add(path);
            if (path.equals("/api/query")) {
              return new MockResponse.Builder().code(503).body("arXiv is down").build();
            }
            if (!huggingFaceKnowsIt) {
              return new MockResponse.Builder().code(404).body("{\"error\":\"Not found\"}").build();
            }
            String body =
                path.endsWith("/repos")
                    ? Resources.text("hf-daily/repos_2510.02283_handwritten.json")
                    : Resources.text("hf-daily/paper_2510.02283_handwritten.json");
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
  }

  private PaperDigest client() {
    return PaperDigest.builder()
        .option("arxiv", "api-url", server.url("/api/query").toString())
        .option("arxiv", "max-retries", "0")
        .option("hf-daily", "base-url", server.url("/").toString())
        .clock(clock)
        .sleeper(clock.sleeper())
        .build();
  }

  @Test
  void theIdsPublisherIsAskedFirstAndItsFailureDoesNotHideAnotherAnswer() throws Exception {
    serve(true);
    try (PaperDigest client = client()) {
      // arxiv for arxiv: ids, then the rest by id; the arXiv API fails, hf-daily answers
      Optional<Paper> paper = client.paper(ID);
      assertThat(paper).map(Paper::source).contains("hf-daily");
      assertThat(asked.get(0)).isEqualTo("/api/query");
      assertThat(asked.get(1)).isEqualTo("/api/papers/2510.02283");

      asked.clear();
      client.invalidateCache();
      assertThat(client.paperAsync(ID).get(10, TimeUnit.SECONDS))
          .map(Paper::source)
          .contains("hf-daily");
      assertThat(asked.get(0)).isEqualTo("/api/query");
    }
  }

  @Test
  void whenNoSourceKnowsThePaperAFailureIsNotPassedOffAsNotFound() throws Exception {
    serve(false);
    try (PaperDigest client = client()) {
      assertThatThrownBy(() -> client.paper(ID))
          .isInstanceOf(SourceHttpException.class)
          .hasMessageContaining("503");
      assertThat(client.paperAsync(ID))
          .failsWithin(10, TimeUnit.SECONDS)
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(SourceHttpException.class);
    }
    // hf-daily's "not found" was asked (then cached); the failure, never cached, each time
    assertThat(asked).filteredOn(p -> p.startsWith("/api/papers/")).hasSize(1);
    assertThat(asked).filteredOn(p -> p.equals("/api/query")).hasSize(2);
  }
}

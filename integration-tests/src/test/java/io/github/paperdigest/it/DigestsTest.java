package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.testing.FakeClock;
import io.github.paperdigest.watch.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests people follow, over both real sources: Hugging Face's recorded day 2025-10-03 merged with
 * an arXiv cs.CL announcement and enriched by arXiv lookups. The announcement is the hand-written
 * feed of the arXiv tests with its first item's id changed to the day's first Hugging Face paper
 * (2510.02283), so that the two sources share one paper; the lookups answer each id asked with the
 * recorded entry of {@code api_idlist_1707.08567_comment.xml} under that id. Both are test data
 * made from recordings, not recordings.
 */
final class DigestsTest {
  private static final LocalDate DAY = LocalDate.of(2025, 10, 3);
  private static final String SHARED = "2510.02283";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-03T12:00:00Z"));
  private final List<RecordedRequest> lookups = new CopyOnWriteArrayList<>();
  @TempDir Path dir;

  private PaperDigest client() {
    String entryTemplate = entry(Resources.text("arxiv/api_idlist_1707.08567_comment.xml"));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.equals("/api/daily_papers")) {
              return ok(Resources.text("hf-daily/daily_papers_2025-10-03.json"));
            }
            if (path.equals("/rss/cs.CL")) {
              return ok(
                  Resources.text("arxiv/rss_cs.CL_2025-10-03_HANDWRITTEN.xml")
                      .replace("2510.01001", SHARED));
            }
            if (path.equals("/api/query")) {
              lookups.add(request);
              StringBuilder feed =
                  new StringBuilder(
                      "<?xml version='1.0' encoding='UTF-8'?>\n"
                          + "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\""
                          + " xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
                          + " xmlns=\"http://www.w3.org/2005/Atom\">\n");
              String[] ids = request.getUrl().queryParameter("id_list").split(",");
              feed.append("<opensearch:totalResults>")
                  .append(ids.length)
                  .append("</opensearch:totalResults>\n");
              for (String id : ids) {
                feed.append(entryTemplate.replace("1707.08567", id));
              }
              return ok(feed.append("</feed>\n").toString());
            }
            return new MockResponse.Builder().code(404).body("no " + path).build();
          }
        });
    return PaperDigest.builder()
        .option("hf-daily", "base-url", server.url("/").toString())
        .option("arxiv", "rss-url", server.url("/rss/").toString())
        .option("arxiv", "api-url", server.url("/api/query").toString())
        .clock(clock)
        .sleeper(clock.sleeper())
        .discoverSources(true)
        .build();
  }

  private static String entry(String feed) {
    return feed.substring(feed.indexOf("<entry>"), feed.indexOf("</entry>") + "</entry>".length());
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().body(body).build();
  }

  @Test
  void aMergedDigestHasEachPaperOnceWithWhatEverySourceKnows() {
    try (PaperDigest client = client()) {
      Digest merged =
          client.digest("hf-daily", "arxiv").category("cs.CL").sortBy(Sort.MOST_UPVOTED).on(DAY);

      assertThat(merged.source()).isEqualTo("hf-daily,arxiv");
      assertThat(merged.complete()).isTrue();
      // the category is arXiv's knowledge: Hugging Face's papers that arXiv did not announce in
      // cs.CL are left out; the shared one keeps Hugging Face's upvotes and gains arXiv's
      // categories
      assertThat(merged.papers())
          .extracting(p -> p.id().value())
          .containsExactly(SHARED, "2510.01002"); // arXiv's default: new and cross-listed
      Paper shared = merged.papers().get(0);
      assertThat(shared.source()).isEqualTo("hf-daily");
      assertThat(shared.metrics().upvotes()).isPositive();
      assertThat(shared.categories()).contains("cs.CL", "cs.AI");
      assertThat(shared.authors()).hasSizeGreaterThan(3); // Hugging Face's list, the primary's

      Digest top = client.digest("hf-daily", "arxiv").category("cs.CL").limit(1).on(DAY);
      assertThat(top.papers()).hasSize(1);
      assertThat(top.complete()).isFalse();
    }
  }

  @Test
  void anOptionGoesToTheSourceThatTakesItAndAnUnknownOneIsRefused() {
    try (PaperDigest client = client()) {
      Digest all =
          client
              .digest("hf-daily", "arxiv")
              .category("cs.CL")
              .option(io.github.paperdigest.arxiv.Arxiv.ANNOUNCE, "new,cross,replace")
              .on(DAY);
      // arXiv's announce types reached arXiv (the replacement is in); Hugging Face was asked too
      assertThat(all.papers()).extracting(p -> p.id().value()).contains(SHARED, "2509.09003");
      assertThatThrownBy(
              () ->
                  client
                      .digest("hf-daily", "arxiv")
                      .category("cs.CL")
                      .option("anounce", "x")
                      .on(DAY))
          .isInstanceOf(io.github.paperdigest.model.UnsupportedQueryException.class)
          .hasMessageContaining("anounce");
    }
  }

  @Test
  void enrichingADayAsksArxivOnceForItsThirtyNineIdsPolitely() {
    try (PaperDigest client = client()) {
      Digest day = client.digest("hf-daily").on(DAY);
      assertThat(day.papers()).hasSize(39).allMatch(p -> p.categories().isEmpty());

      Digest enriched = client.enrich(day, "arxiv");

      assertThat(lookups).hasSize(1); // one id_list request per 100 ids
      assertThat(lookups.get(0).getUrl().queryParameter("id_list").split(",")).hasSize(39);
      assertThat(enriched.papers())
          .hasSize(39)
          .allSatisfy(
              p -> {
                assertThat(p.source()).isEqualTo("hf-daily");
                assertThat(p.categories()).containsExactly("cs.IT");
                assertThat(p.comment()).startsWith("44 pages");
              });
      assertThat(enriched.papers())
          .extracting(Paper::title)
          .isEqualTo(day.papers().stream().map(Paper::title).toList());
      // cached: asking again sends nothing
      client.enrich(day, "arxiv");
      assertThat(lookups).hasSize(1);
    }
  }

  @Test
  void aWatchOverTheMergedDigestDeliversEachPaperOnce() {
    Path state = dir.resolve("cl.state");
    try (PaperDigest client = client()) {
      try (Watch watch = Watch.builder().stateFile(state).clock(clock).build()) {
        Watch.Batch first =
            watch.poll(client.digest("hf-daily", "arxiv").category("cs.CL").on(DAY));
        assertThat(first.papers()).hasSize(2);
        first.acknowledge();
      }
      clock.advance(Duration.ofHours(1));
      try (Watch watch = Watch.builder().stateFile(state).clock(clock).build()) {
        assertThat(watch.poll(client.digest("hf-daily").on(DAY)).papers())
            .hasSize(38) // the day's papers but the one delivered with the cs.CL digest
            .noneMatch(p -> p.id().value().equals(SHARED));
      }
    }
  }
}

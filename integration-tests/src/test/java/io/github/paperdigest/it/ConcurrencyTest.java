package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
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
 * 16 threads × 1,000 mixed queries (cache hits, cold misses, lookups, errors) through one client
 * against the arXiv source: no deadlock, every result right, exactly one upstream request per
 * distinct cold key, errors never cached, and arXiv's 3 seconds and one connection held throughout
 * (on a fake clock).
 */
final class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int QUERIES = 1_000;
  private static final int SEARCHES = 40;
  private static final int LOOKUPS = 10;
  private static final int ERRORS = 3;

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final Map<String, AtomicInteger> requestsByKey = new ConcurrentHashMap<>();
  private final List<Instant> starts = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private static String feed(int total, String entries) {
    return "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\""
        + " xmlns=\"http://www.w3.org/2005/Atom\"><opensearch:totalResults>"
        + total
        + "</opensearch:totalResults>"
        + entries
        + "</feed>";
  }

  private static String entry(String id, String title) {
    return "<entry><id>http://arxiv.org/abs/"
        + id
        + "v1</id><title>"
        + title
        + "</title>"
        + "<published>2025-01-01T00:00:00Z</published><author><name>A</name></author></entry>";
  }

  private MockResponse answer(RecordedRequest request) {
    String query = request.getUrl().queryParameter("search_query");
    String ids = request.getUrl().queryParameter("id_list");
    String key = query != null ? query : "ids:" + ids;
    requestsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (query != null && query.startsWith("all:bad")) {
      String error =
          entry("0000.0000", "Error")
              .replace("http://arxiv.org/abs/0000.0000v1", "https://arxiv.org/api/errors#x")
              .replace("</title>", "</title><summary>bad query " + query + "</summary>");
      return new MockResponse.Builder().code(400).body(feed(1, error)).build();
    }
    if (query != null) {
      String text = query.substring("all:".length());
      return new MockResponse.Builder()
          .body(
              feed(
                  3,
                  entry("2501.0000" + (text.length() % 10), "about " + text + " one")
                      + entry("2501.1000" + (text.length() % 10), "about " + text + " two")
                      + entry("2501.2000" + (text.length() % 10), "about " + text + " three")))
          .build();
    }
    return new MockResponse.Builder().body(feed(1, entry(ids, "paper " + ids))).build();
  }

  @Test
  void sixteenThreadsThousandQueriesEach() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            starts.add(clock.instant());
            try {
              return answer(request);
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
    List<String> problems = new CopyOnWriteArrayList<>();
    AtomicInteger errorsSeen = new AtomicInteger();
    try (PaperDigest client =
        PaperDigest.builder()
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .clock(clock)
            .sleeper(clock.sleeper())
            .build()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom random = new SplittableRandom(t);
        threads.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < QUERIES; i++) {
                    int pick = random.nextInt(SEARCHES + LOOKUPS + ERRORS);
                    try {
                      if (pick < SEARCHES) {
                        String text = "topic" + pick;
                        List<Paper> papers = client.from("arxiv").search(text).list();
                        if (papers.size() != 3
                            || !papers.stream()
                                .allMatch(p -> p.title().contains(" " + text + " "))) {
                          problems.add("search " + text + " gave " + papers);
                        }
                      } else if (pick < SEARCHES + LOOKUPS) {
                        PaperId id = PaperId.arxiv(String.format("2502.%05d", pick));
                        Paper p = client.from("arxiv").paper(id).orElse(null);
                        if (p == null || !p.id().equals(id)) {
                          problems.add("lookup " + id + " gave " + p);
                        }
                      } else {
                        String text = "bad" + pick;
                        client.from("arxiv").search(text).list();
                        problems.add("search " + text + " did not fail");
                      }
                    } catch (SourceHttpException e) {
                      if (pick < SEARCHES + LOOKUPS
                          || !String.valueOf(e.publisherMessage())
                              .equals("bad query all:bad" + pick)) {
                        problems.add("unexpected " + e);
                      }
                      errorsSeen.incrementAndGet();
                    } catch (RuntimeException e) {
                      problems.add("unexpected " + e);
                    }
                  }
                }));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("no deadlock").isTrue();
      for (Future<?> f : threads) {
        f.get();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(errorsSeen.get()).isPositive();
    requestsByKey.forEach(
        (key, count) -> {
          if (!key.startsWith("all:bad")) {
            assertThat(count.get()).as("upstream requests for " + key).isEqualTo(1);
          }
        });
    assertThat(requestsByKey.keySet().stream().filter(k -> !k.startsWith("all:bad")))
        .hasSize(SEARCHES + LOOKUPS);
    assertThat(maxInFlight.get()).isEqualTo(1);
    List<Instant> sorted = starts.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
  }
}

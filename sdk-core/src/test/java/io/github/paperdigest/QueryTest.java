package io.github.paperdigest;

import static io.github.paperdigest.testing.Json.page;
import static io.github.paperdigest.testing.Json.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class QueryTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-10T12:00:00Z"));
  private PaperDigest client;

  static final String P1 =
      paper("2510.00001", "Sparse attention", 40, "2025-10-01T00:00:00Z", "Ada Lovelace");
  static final String P2 =
      paper("2510.00002", "Dense retrieval", 5, "2025-10-03T00:00:00Z", "Alan Turing");
  static final String P3 =
      paper(
          "2510.00003",
          "Sparse retrieval",
          12,
          "2025-10-02T00:00:00Z",
          "Grace Hopper",
          "Ada Lovelace");
  static final String P4 =
      paper("2510.00004", "Tokenizers", 90, "2025-10-04T00:00:00Z", "Alan Turing");

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

  private void enqueue(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  @Test
  void pushesDownNativeCriteriaAndFiltersTheRestLocally() throws Exception {
    enqueue(page(null, P1, P2, P3, P4));
    List<Paper> papers = client.from("test").search("sparse").author("ada").minUpvotes(20).list();

    assertThat(papers).extracting(p -> p.id().toString()).containsExactly("arxiv:2510.00001");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/papers");
    assertThat(request.getUrl().queryParameter("q")).isEqualTo("sparse");
    assertThat(request.getUrl().queryParameterNames())
        .doesNotContain("size", "minUpvotes", "author");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("PaperDigest/");
  }

  @Test
  void pagesAreFetchedOnlyWhenNeeded() throws Exception {
    enqueue(page("2", P1, P2));
    enqueue(page("3", P3));
    enqueue(page(null, P4));

    Iterator<Paper> it = client.from("test").iterator();
    assertThat(server.getRequestCount()).isZero();
    assertThat(it.next().title()).isEqualTo("Sparse attention");
    assertThat(server.getRequestCount()).isEqualTo(1);
    it.next();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(it.next().title()).isEqualTo("Sparse retrieval");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getUrl().queryParameter("page")).isNull();
    assertThat(server.takeRequest().getUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void limitStopsPagingAndIsPassedAsPageSizeHint() throws Exception {
    enqueue(page("2", P1, P2));
    enqueue(page(null, P3, P4));
    assertThat(client.from("test").limit(2).stream().map(Paper::title))
        .containsExactly("Sparse attention", "Dense retrieval");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getUrl().queryParameter("size")).isEqualTo("2");
  }

  @Test
  void firstReadsOnePage() {
    enqueue(page("2", P1));
    assertThat(client.from("test").first()).map(Paper::title).contains("Sparse attention");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void localSortReadsEveryPage() {
    enqueue(page("2", P1, P2));
    enqueue(page(null, P3, P4));
    assertThat(client.from("test").sortBy(Sort.MOST_UPVOTED).limit(3).list())
        .extracting(p -> p.metrics().upvotes())
        .containsExactly(90, 40, 12);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nativeSortIsPushedDown() throws Exception {
    enqueue(page(null, P2, P1));
    assertThat(client.from("test").search("x").sortBy(Sort.RELEVANCE).list()).hasSize(2);
    assertThat(server.takeRequest().getUrl().queryParameter("sort")).isEqualTo("RELEVANCE");
  }

  @Test
  void dateRangeCategoryAndTitleFilteredLocally() {
    enqueue(page(null, P1, P2, P3, P4));
    assertThat(
            client
                .from("test")
                .submittedBetween(LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3))
                .category("CS.CL")
                .title("retrieval")
                .list())
        .extracting(Paper::title)
        .containsExactly("Dense retrieval", "Sparse retrieval");
  }

  @Test
  void unsupportedCriteriaFailBeforeAnyRequest() {
    assertThatThrownBy(() -> client.from("plain").minUpvotes(3).list())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessage(
            "plain: unsupported query criterion MIN_UPVOTES: the source does not count upvotes");
    assertThatThrownBy(() -> client.from("plain").sortBy(Sort.MOST_UPVOTED).stream())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("sort MOST_UPVOTED");
    assertThatThrownBy(() -> client.from("plain").on(LocalDate.of(2025, 10, 1)).iterator())
        .hasMessage("plain: unsupported query criterion PERIOD: the source serves no digests");
    assertThatThrownBy(() -> client.from("test").week("2025-W40").list())
        .hasMessage(
            "test: unsupported query criterion PERIOD: the source serves no WEEK digests (it serves [DAY, LATEST])");
    assertThatThrownBy(() -> client.from("test").option("colour", "red").list())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessage(
            "test: unsupported query criterion option 'colour': the source takes the options flavour");
    assertThatThrownBy(() -> client.from("plain").search("x").sortBy(Sort.RELEVANCE).list())
        .hasMessageContaining("sort RELEVANCE: the source has no relevance ranking");
    assertThat(server.getRequestCount()).isZero();
    assertThat(
            catchThrowableOfType(
                    UnsupportedQueryException.class,
                    () -> client.from("plain").minUpvotes(1).list())
                .criterion())
        .isEqualTo("MIN_UPVOTES");
  }

  @Test
  void invalidPeriodsFailBeforeAnyRequest() {
    assertThatThrownBy(() -> client.from("test").on(LocalDate.of(2025, 10, 3)).week("2025-W40"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("period was already set to 2025-10-03; cannot also ask for 2025-W40");
    assertThatThrownBy(() -> client.digest("test").on(LocalDate.of(2025, 10, 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The period 2025-10-20 is in the future (today is 2025-10-10 UTC)");
    assertThatThrownBy(() -> client.from("test").limit(0)).hasMessage("limit < 1: 0");
    assertThatThrownBy(
            () ->
                client
                    .from("test")
                    .submittedBetween(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
        .hasMessage("Date range starts after it ends: 2025-02-01 > 2025-01-01");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void digestReadsAllPagesThenFiltersSortsAndLimits() throws Exception {
    enqueue(page("2", P1, P2));
    enqueue(page(null, P3, P4));
    Digest digest =
        client
            .digest("test")
            .minUpvotes(10)
            .sortBy(Sort.MOST_UPVOTED)
            .on(LocalDate.of(2025, 10, 3));
    assertThat(digest.papers())
        .extracting(Paper::title)
        .containsExactly("Tokenizers", "Sparse attention", "Sparse retrieval");
    assertThat(digest.complete()).isTrue();
    assertThat(digest.period()).hasToString("2025-10-03");
    assertThat(digest.source()).isEqualTo("test");
    assertThat(digest.fetchedAt()).isEqualTo(clock.instant());
    assertThat(server.takeRequest().getUrl().queryParameter("period")).isEqualTo("2025-10-03");
  }

  @Test
  void digestCutByLimitOrPublisherIsIncomplete() {
    enqueue("{\"papers\":[" + P1 + "],\"next\":null,\"truncated\":true}");
    assertThat(client.digest("test").latest().complete()).isFalse();
    enqueue(page(null, P1, P2));
    Digest limited = client.digest("test").limit(1).on(LocalDate.of(2025, 10, 1));
    assertThat(limited.papers()).hasSize(1);
    assertThat(limited.complete()).isFalse();
  }

  @Test
  void asyncListFollowsPages() throws Exception {
    enqueue(page("2", P1));
    enqueue(page(null, P2, P3));
    assertThat(client.from("test").listAsync().get(10, TimeUnit.SECONDS)).hasSize(3);
    enqueue(page(null, P4));
    assertThat(
            client
                .digest("test")
                .periodAsync(DigestPeriod.latest())
                .get(10, TimeUnit.SECONDS)
                .papers())
        .extracting(Paper::title)
        .containsExactly("Tokenizers");
    client.invalidateCache(); // the latest digest was just cached
    enqueue(page(null, P1));
    assertThat(client.digest("test").latestAsync().get(10, TimeUnit.SECONDS).size()).isOne();
    enqueue(page(null, P2, P3));
    Digest day = client.digest("test").onAsync(LocalDate.of(2025, 10, 1)).get(10, TimeUnit.SECONDS);
    assertThat(day.size()).isEqualTo(2);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS)).isNotNull();
    // a week the source does not serve fails in the future, as period() would throw
    assertThat(client.digest("test").weekAsync("2025-W40")).isCompletedExceptionally();
    assertThat(client.digest("test").monthAsync(java.time.YearMonth.of(2025, 9)))
        .isCompletedExceptionally();
  }

  @Test
  void asyncFailuresCarryTypedExceptions() {
    server.enqueue(new MockResponse.Builder().code(404).body("no such list").build());
    assertThat(client.from("test").listAsync())
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(SourceHttpException.class)
        .withMessageContaining("HTTP 404 from http://")
        .withMessageEndingWith(": no such list");
    assertThat(client.from("plain").minUpvotes(1).listAsync()).isCompletedExceptionally();
  }

  @Test
  void cancellingAnAsyncQueryCancelsTheCall() throws Exception {
    PaperDigest uncached = client.newBuilder().cache(false).build();
    server.enqueue(
        new MockResponse.Builder().body(page(null, P1)).headersDelay(30, TimeUnit.SECONDS).build());
    var future = uncached.from("test").listAsync();
    server.takeRequest(10, TimeUnit.SECONDS);
    future.cancel(true);
    OkHttpClientProbe.awaitNoRunningCalls(uncached);
    assertThat(future).isCancelled();
    uncached.close();
  }

  @Test
  void lookupBatchesIdsAndKeepsTheOrderAsked() throws Exception {
    enqueue(page(null, P2, P1, P3));
    enqueue(page(null, P4));
    List<PaperId> ids =
        List.of(
            PaperId.parse("2510.00001"),
            PaperId.parse("2510.00002v3"),
            PaperId.parse("2510.00003"),
            PaperId.parse("2510.00004"),
            PaperId.parse("2510.00009"));
    assertThat(client.from("test").papers(ids))
        .extracting(p -> p.id().value())
        .containsExactly("2510.00001", "2510.00002", "2510.00003", "2510.00004");
    assertThat(server.takeRequest().getUrl().queryParameter("ids"))
        .isEqualTo("2510.00001,2510.00002v3,2510.00003");
    assertThat(server.takeRequest().getUrl().queryParameter("ids"))
        .isEqualTo("2510.00004,2510.00009");
  }

  @Test
  void paperAsksTheSourcesThatLookUpItsNamespace() {
    enqueue(page(null, P1));
    assertThat(client.paper(PaperId.parse("arxiv:2510.00001")))
        .map(Paper::title)
        .contains("Sparse attention");
    assertThatThrownBy(() -> client.paper(PaperId.parse("doi:10.1/x")))
        .isInstanceOf(PaperDigestException.class)
        .hasMessageStartingWith("no source looks up 'doi' ids like doi:10.1/x; sources: [");
    assertThatThrownBy(() -> client.from("plain").paper(PaperId.parse("2510.00001")))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessage(
            "plain: unsupported query criterion IDS: the source does not look papers up by id");
  }

  @Test
  void aSourceThatRepeatsItsPageTokenIsStopped() {
    enqueue(page("2", P1));
    enqueue(page("2", P2));
    assertThatThrownBy(() -> client.from("test").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("the source named page '2' again");
  }
}

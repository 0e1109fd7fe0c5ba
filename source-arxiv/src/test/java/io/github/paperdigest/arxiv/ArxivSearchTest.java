package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.SourceInfo;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Searches: query mapping, paging, the empty-page retry, batched lookups, hostile and broken XML.
 */
final class ArxivSearchTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final List<PaperDigest> clients = new ArrayList<>();

  private PaperDigest client(String... options) {
    PaperDigest client = Fixtures.client(server, clock, options).build();
    clients.add(client);
    return client;
  }

  @AfterEach
  void tearDown() {
    clients.forEach(PaperDigest::close);
  }

  @Test
  void discoveredWithItsCapabilities() {
    SourceInfo info =
        client().sources().stream().filter(s -> s.id().equals("arxiv")).findFirst().orElseThrow();
    assertThat(info.providerClass()).isEqualTo(ArxivProvider.class.getName());
    assertThat(info.capabilities().maxLookupBatch()).isEqualTo(100);
    assertThat(info.capabilities().sorts())
        .containsExactlyInAnyOrder(Sort.RELEVANCE, Sort.NEWEST, Sort.OLDEST);
    assertThat(new ArxivProvider().politeness().minInterval()).hasSeconds(3);
    assertThat(new ArxivProvider().politeness().maxConcurrent()).isEqualTo(1);
  }

  @Test
  void coreCriteriaBecomeOneArxivQuery() throws Exception {
    server.enqueue(Fixtures.atom("api_NEWFORMAT_2025-11_empty_idlist_1201.56789_total0.xml"));
    client()
        .from("arxiv")
        .search("sparse \"mixture of experts\"")
        .title("routing")
        .author("Noam Shazeer")
        .category("cs.LG", "cs.CL")
        .submittedBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))
        .option(Arxiv.QUERY, "abs:gating OR abs:router")
        .sortBy(Sort.NEWEST)
        .list();

    HttpUrl url = server.takeRequest().getUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/query");
    assertThat(url.queryParameter("search_query"))
        .isEqualTo(
            "all:sparse AND all:\"mixture of experts\" AND ti:routing AND au:\"Noam Shazeer\" AND (cat:cs.LG OR cat:cs.CL)"
                + " AND submittedDate:[202501010000 TO 202503312359] AND (abs:gating OR abs:router)");
    assertThat(url.queryParameter("sortBy")).isEqualTo("submittedDate");
    assertThat(url.queryParameter("sortOrder")).isEqualTo("descending");
    assertThat(url.queryParameter("start")).isEqualTo("0");
    assertThat(url.queryParameter("max_results")).isEqualTo("100");
    assertThat(url.queryParameter("id_list")).isNull();
  }

  @Test
  void arxivsOwnSortsAndIdsInASearch() throws Exception {
    server.enqueue(Fixtures.atom("api_NEWFORMAT_2025-11_empty_idlist_1201.56789_total0.xml"));
    server.enqueue(Fixtures.atom("api_NEWFORMAT_2025-11_empty_idlist_1201.56789_total0.xml"));
    client()
        .from("arxiv")
        .search("x")
        .option(Arxiv.SORT_BY, "lastUpdatedDate")
        .option(Arxiv.SORT_ORDER, "ascending")
        .list();
    client()
        .from("arxiv")
        .ids(PaperId.arxiv("2104.12255v1"), PaperId.arxiv("hep-th/9901001"))
        .sortBy(Sort.OLDEST)
        .list();

    HttpUrl first = server.takeRequest().getUrl();
    assertThat(first.queryParameter("sortBy")).isEqualTo("lastUpdatedDate");
    assertThat(first.queryParameter("sortOrder")).isEqualTo("ascending");
    HttpUrl second = server.takeRequest().getUrl();
    assertThat(second.queryParameter("id_list")).isEqualTo("2104.12255v1,hep-th/9901001");
    assertThat(second.queryParameter("search_query")).isNull();
    assertThat(second.queryParameter("sortOrder")).isEqualTo("ascending");
  }

  @Test
  void badQueriesFailBeforeAnyRequest() {
    PaperDigest client = client();
    assertThatThrownBy(() -> client.from("arxiv").list())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("needs something to search for");
    assertThatThrownBy(
            () -> client.from("arxiv").search("x").option(Arxiv.SORT_BY, "stars").stream())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastUpdatedDate");
    assertThatThrownBy(
            () ->
                client
                    .from("arxiv")
                    .search("x")
                    .sortBy(Sort.NEWEST)
                    .option(Arxiv.SORT_ORDER, "ascending")
                    .stream())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> client.from("arxiv").search("x").sortBy(Sort.MOST_UPVOTED).stream())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("upvotes");
    assertThatThrownBy(() -> client.from("arxiv").category("CS CL").stream())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not an arXiv category");
    assertThatThrownBy(
            () -> client.from("arxiv").search("x").option(Arxiv.ANNOUNCE, "new").stream())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("digests");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void pagesAdvanceByEntriesReceived() throws Exception {
    server.enqueue(Fixtures.atom("api_query_all-testing_start0_max10.xml"));
    server.enqueue(Fixtures.atom("api_query_all-testing_start10_max10.xml"));
    List<Paper> papers = client("page-size", "10").from("arxiv").search("testing").limit(20).list();

    assertThat(papers).hasSize(20).doesNotHaveDuplicates();
    assertThat(papers.get(0).id()).isEqualTo(PaperId.arxiv("2202.12139"));
    assertThat(papers.get(9).id()).isEqualTo(PaperId.arxiv("1812.11470"));
    assertThat(papers.get(10).id()).isEqualTo(PaperId.arxiv("2403.16981"));
    assertThat(papers.get(19).id()).isEqualTo(PaperId.arxiv("2202.06271"));
    HttpUrl first = server.takeRequest().getUrl();
    HttpUrl second = server.takeRequest().getUrl();
    assertThat(List.of(first.queryParameter("start"), first.queryParameter("max_results")))
        .containsExactly("0", "10");
    assertThat(List.of(second.queryParameter("start"), second.queryParameter("max_results")))
        .containsExactly("10", "10");
  }

  @Test
  void pagesAreReadLazily() {
    server.enqueue(Fixtures.atom("api_query_all-testing_start0_max10.xml"));
    List<Paper> firstFive =
        client("page-size", "10").from("arxiv").search("testing").stream().limit(5).toList();

    assertThat(firstFive).hasSize(5);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void shortPageAdvancesByWhatCame() throws Exception {
    // 3 entries where 5 were asked for: the next page starts at 3, not 5
    StringBuilder three = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      three.append(Fixtures.entry("2501.0000" + i + "v1", "Paper " + i));
    }
    server.enqueue(Fixtures.xml(200, Fixtures.feed(4, three.toString()), "application/atom+xml"));
    server.enqueue(
        Fixtures.xml(
            200,
            Fixtures.feed(4, Fixtures.entry("2501.00004v1", "Paper 4")),
            "application/atom+xml"));
    List<Paper> papers = client("page-size", "5").from("arxiv").search("x").list();

    assertThat(papers)
        .extracting(Paper::title)
        .containsExactly("Paper 1", "Paper 2", "Paper 3", "Paper 4");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("start")).isEqualTo("3");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void emptyPageMidwayIsAskedAgain() throws Exception {
    String empty =
        Fixtures.read("api_query_all-testing_start10_max10.xml")
            .replaceAll("(?s)<entry>.*</entry>", "");
    server.enqueue(Fixtures.atom("api_query_all-testing_start0_max10.xml"));
    server.enqueue(Fixtures.xml(200, empty, "application/atom+xml"));
    server.enqueue(Fixtures.atom("api_query_all-testing_start10_max10.xml"));
    List<Paper> papers = client("page-size", "10").from("arxiv").search("testing").limit(20).list();

    assertThat(papers).hasSize(20);
    assertThat(server.getRequestCount()).isEqualTo(3);
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("start")).isEqualTo("10");
    assertThat(server.takeRequest().getUrl().queryParameter("start")).isEqualTo("10");
  }

  @Test
  void emptyPageThatStaysEmptyIsReportedAndNotCached() {
    String empty =
        Fixtures.read("api_query_all-testing_start10_max10.xml")
            .replaceAll("(?s)<entry>.*</entry>", "");
    server.enqueue(Fixtures.atom("api_query_all-testing_start0_max10.xml"));
    for (int i = 0; i < 3; i++) {
      server.enqueue(Fixtures.xml(200, empty, "application/atom+xml"));
    }
    server.enqueue(Fixtures.atom("api_query_all-testing_start10_max10.xml"));
    PaperDigest client = client("page-size", "10", "empty-page-retries", "2");

    assertThatThrownBy(() -> client.from("arxiv").search("testing").limit(20).list())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining(
            "empty page at start=10 although it announced 214881 results (3 attempts)");
    assertThat(client.from("arxiv").search("testing").limit(20).list()).hasSize(20);
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void stopsAtTotalResultsAndAtArxivsCap() throws Exception {
    server.enqueue(
        Fixtures.xml(
            200,
            Fixtures.feed(
                2, Fixtures.entry("2501.00001v1", "A") + Fixtures.entry("2501.00002v1", "B")),
            "application/atom+xml"));
    assertThat(client("page-size", "5").from("arxiv").search("x").list()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stopsAtArxivsCapOf30000() {
    List<String> starts = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int start = Integer.parseInt(request.getUrl().queryParameter("start"));
            int max = Integer.parseInt(request.getUrl().queryParameter("max_results"));
            starts.add(start + "+" + max);
            StringBuilder entries = new StringBuilder();
            for (int i = start; i < start + max; i++) {
              entries.append(Fixtures.entry(String.format("2501.%05dv1", i), "P" + i));
            }
            return Fixtures.xml(
                200, Fixtures.feed(50_000, entries.toString()), "application/atom+xml");
          }
        });
    long count = client("page-size", "2000").from("arxiv").search("x").stream().count();

    assertThat(count).isEqualTo(30_000);
    assertThat(starts).hasSize(15).startsWith("0+2000").endsWith("28000+2000");
  }

  @Test
  void lookupsAreBatched() {
    List<String> asked = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String ids = request.getUrl().queryParameter("id_list");
            asked.add(ids);
            StringBuilder entries = new StringBuilder();
            for (String id : ids.split(",")) {
              entries.append(Fixtures.entry(id + "v1", "Title of " + id));
            }
            return Fixtures.xml(
                200,
                Fixtures.feed(ids.split(",").length, entries.toString()),
                "application/atom+xml");
          }
        });
    List<PaperId> ids = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      ids.add(PaperId.arxiv(String.format("2501.%05d", i)));
    }
    List<Paper> papers = client().from("arxiv").papers(ids);

    assertThat(asked).hasSize(3);
    assertThat(asked).extracting(s -> s.split(",").length).containsExactly(100, 100, 50);
    assertThat(papers).extracting(Paper::id).containsExactlyElementsOf(ids);
    assertThat(papers.get(249).title()).isEqualTo("Title of 2501.00250");
  }

  @Test
  void xxePayloadIsRefusedWithoutReadingAnything() throws Exception {
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("paperdigest-xxe", ".txt");
    java.nio.file.Files.writeString(secret, "TOP-SECRET-CONTENT");
    String evil =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n"
            + "  <!ENTITY file SYSTEM \""
            + secret.toUri()
            + "\">\n"
            + "  <!ENTITY remote SYSTEM \""
            + server.url("/evil")
            + "\">\n"
            + "  <!ENTITY % dtd SYSTEM \""
            + server.url("/evil.dtd")
            + "\"> %dtd;\n]>\n"
            + Fixtures.feed(1, Fixtures.entry("2501.00001v1", "&file;&remote;"))
                .replaceFirst("<\\?xml[^>]*>", "");
    server.enqueue(Fixtures.xml(200, evil, "application/atom+xml"));

    assertThatThrownBy(() -> client().from("arxiv").search("x").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("DTD")
        .hasMessageNotContaining("TOP-SECRET");
    assertThat(server.getRequestCount()).isEqualTo(1);
    java.nio.file.Files.delete(secret);
  }

  @Test
  void entityExpansionIsRefused() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE feed [\n  <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("  <!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    dtd.append("]>\n");
    String bomb =
        "<?xml version=\"1.0\"?>\n"
            + dtd
            + Fixtures.feed(1, Fixtures.entry("2501.00001v1", "&lol9;"))
                .replaceFirst("<\\?xml[^>]*>", "");
    server.enqueue(Fixtures.xml(200, bomb, "application/atom+xml"));

    assertThatThrownBy(() -> client().from("arxiv").search("x").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("DTD");
  }

  @Test
  void brokenAnswersAreParseErrors() {
    String recorded = Fixtures.read("api_query_all-testing_start0_max10.xml");
    server.enqueue(
        Fixtures.xml(200, recorded.substring(0, recorded.length() / 2), "application/atom+xml"));
    server.enqueue(
        Fixtures.xml(200, "<html><body>Service temporarily down</body></html>", "text/html"));
    server.enqueue(
        Fixtures.xml(
            200, Fixtures.feed(1, Fixtures.entry("2501.00001v1", "")), "application/atom+xml"));
    PaperDigest client = client();

    assertThatThrownBy(() -> client.from("arxiv").search("a").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> client.from("arxiv").search("b").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("expected an Atom <feed>");
    assertThatThrownBy(() -> client.from("arxiv").search("d").list())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("entry[0]/title")
        .hasMessageContaining("arxiv:2501.00001");
  }

  @Test
  void endpointsComeFromSystemPropertiesToo() throws Exception {
    System.setProperty("paperdigest.arxiv.api-url", server.url("/mirror/api").toString());
    try (PaperDigest client = PaperDigest.builder().clock(clock).sleeper(clock.sleeper()).build()) {
      server.enqueue(Fixtures.atom("api_idlist_1707.08567_comment.xml"));
      assertThat(client.from("arxiv").paper(PaperId.arxiv("1707.08567"))).isPresent();
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/mirror/api");
    } finally {
      System.clearProperty("paperdigest.arxiv.api-url");
    }
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> client("page-size", "2001").from("arxiv").search("x").list())
        .isInstanceOf(SourceConfigurationException.class)
        .hasMessageContaining("page-size must be from 1 to 2000");
    assertThatThrownBy(() -> client("lookup-batch", "0").from("arxiv").search("x").list())
        .isInstanceOf(SourceConfigurationException.class)
        .hasMessageContaining("lookup-batch");
  }

  @Test
  void resultsAreCachedUntilArxivsNextUpdate() {
    server.enqueue(Fixtures.atom("api_idlist_1707.08567_comment.xml"));
    server.enqueue(Fixtures.atom("api_idlist_1707.08567_comment.xml"));
    PaperDigest client = client();

    // 12:00 UTC is 07:00 in New York; the API's daily update is at 20:30 there, 13 h 30 min later
    client.from("arxiv").search("once").list();
    clock.advance(java.time.Duration.ofHours(13).plusMinutes(29));
    client.from("arxiv").search("once").list();
    assertThat(server.getRequestCount()).isEqualTo(1);
    clock.advance(java.time.Duration.ofMinutes(2));
    client.from("arxiv").search("once").list();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}

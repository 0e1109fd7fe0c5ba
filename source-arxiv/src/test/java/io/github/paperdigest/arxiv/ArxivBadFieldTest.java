package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.testing.FakeClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One field that cannot be understood is dropped, and the rest of the item and of the page kept, in
 * each of the three arXiv parsers (Atom, RSS, listing page). Each value here made the whole page
 * fail before (and an RSS failure silently fell back to the listing page).
 */
final class ArxivBadFieldTest {
  private static final String ODD_DOI =
      "10.1002/(SICI)1097-4636(199812)43:4<448::AID-JBM13>3.0.CO;2-7";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-03T12:00:00Z"));
  private PaperDigest client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, clock).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void atomEntryKeepsWhatItCanRead() {
    String bad =
        Fixtures.entry("2501.00001v1", "Kept")
            .replace("<published>2025-01-02T03:04:05Z", "<published>yesterday")
            .replace("<updated>2025-01-02T03:04:05Z", "<updated>2025-13-45T99:99:99Z")
            .replace(
                "</entry>",
                "<link href=\"javascript:alert(1)\" rel=\"alternate\" type=\"text/html\"/>"
                    + "<link title=\"doi\" href=\"http://dx.doi.org/"
                    + ODD_DOI.replace("<", "&lt;").replace(">", "&gt;")
                    + "\" rel=\"related\"/><arxiv:doi>"
                    + ODD_DOI.replace("<", "&lt;").replace(">", "&gt;")
                    + "</arxiv:doi></entry>");
    String feed =
        Fixtures.feed(2, bad + Fixtures.entry("2501.00002v1", "Also kept"))
            .replace("<opensearch:totalResults>2", "<opensearch:totalResults>many");
    server.enqueue(Fixtures.xml(200, feed, "application/atom+xml"));

    List<Paper> papers = client.from("arxiv").search("x").list();

    assertThat(papers).extracting(Paper::title).containsExactly("Kept", "Also kept");
    Paper p = papers.get(0);
    assertThat(p.published()).isNull();
    assertThat(p.updated()).isNull();
    assertThat(p.authors()).isNotEmpty();
    assertThat(p.doi()).isEqualTo(ODD_DOI);
    assertThat(p.links().abstractPage())
        .isEqualTo(URI.create("https://arxiv.org/abs/2501.00001v1"));
    assertThat(p.links().doi())
        .isEqualTo(
            URI.create(
                "http://dx.doi.org/10.1002/(SICI)1097-4636(199812)43:4%3C448::AID-JBM13%3E3.0.CO;2-7"));
  }

  @Test
  void rssItemKeepsWhatItCanRead() {
    String rss =
        Fixtures.read("rss_cs.CL_2025-10-03_HANDWRITTEN.xml")
            .replaceFirst(
                "<arxiv:announce_type>new</arxiv:announce_type>",
                "<arxiv:announce_type>sideways</arxiv:announce_type><arxiv:DOI>"
                    + ODD_DOI.replace("<", "&lt;").replace(">", "&gt;")
                    + "</arxiv:DOI>")
            .replaceFirst("Announce Type: new", "Announce Type: sideways")
            .replaceFirst(
                "<pubDate>Fri, 03 Oct 2025 00:00:00 -0400</pubDate>\\s*<arxiv:announce_type>",
                "<pubDate>someday</pubDate><arxiv:announce_type>");
    server.enqueue(Fixtures.xml(200, rss, "application/rss+xml"));

    Digest digest = client.digest("arxiv").category("cs.CL").latest();

    assertThat(server.getRequestCount()).as("no fallback to the listing page").isEqualTo(1);
    assertThat(digest.papers())
        .extracting(Paper::id)
        .containsExactly(PaperId.arxiv("2510.01001"), PaperId.arxiv("2510.01002"));
    Paper p = digest.papers().get(0);
    assertThat(p.attribute(Arxiv.ANNOUNCE_TYPE)).isEmpty();
    assertThat(p.attribute(Arxiv.ANNOUNCED))
        .as("the channel's date stands in")
        .contains(java.time.LocalDate.of(2025, 10, 3));
    assertThat(p.doi()).isEqualTo(ODD_DOI);
    assertThat(p.links().doi())
        .isEqualTo(
            URI.create(
                "https://doi.org/10.1002/(SICI)1097-4636(199812)43:4%3C448::AID-JBM13%3E3.0.CO;2-7"));
  }

  @Test
  void listingPageKeepsWhatItCanRead() {
    server.enqueue(Fixtures.xml(500, "down", "text/plain"));
    server.enqueue(
        Fixtures.xml(
            200,
            Fixtures.read("list_cs.CL_new_2025-10-03_HANDWRITTEN.html")
                .replace("Friday, 3 October 2025", "Friday, 45 Octember 2025"),
            "text/html"));

    Digest digest = client.digest("arxiv").category("cs.CL").latest();

    assertThat(digest.papers()).isNotEmpty();
    assertThat(digest.papers()).allSatisfy(p -> assertThat(p.attribute(Arxiv.ANNOUNCED)).isEmpty());
  }
}

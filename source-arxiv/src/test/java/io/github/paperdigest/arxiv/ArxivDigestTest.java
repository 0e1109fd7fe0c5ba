package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.testing.FakeClock;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Daily announcements: the RSS feed, the listing pages behind it, announce types, weekends. */
final class ArxivDigestTest {
  private static final LocalDate FRIDAY = LocalDate.of(2025, 10, 3);

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

  private static MockResponse rss(String fixture) {
    return Fixtures.xml(200, Fixtures.read(fixture), "application/rss+xml; charset=utf-8");
  }

  private static MockResponse listing(String fixture) {
    return Fixtures.xml(200, Fixtures.read(fixture), "text/html; charset=utf-8");
  }

  @Test
  void latestFromTheFeedKeepsNewAndCrossByDefault() throws Exception {
    server.enqueue(rss("rss_cs.CL_2025-10-03_HANDWRITTEN.xml"));
    Digest digest = client.digest("arxiv").category("cs.CL").latest();

    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/rss/cs.CL");
    assertThat(r.getHeaders().get("User-Agent")).startsWith("PaperDigest/");
    assertThat(digest.complete()).isTrue();
    assertThat(digest.papers())
        .extracting(Paper::id)
        .containsExactly(PaperId.arxiv("2510.01001"), PaperId.arxiv("2510.01002"));
    Paper first = digest.papers().get(0);
    assertThat(first.title())
        .isEqualTo("Hand-Written Feed Item One: Tokenizers for Low-Resource Languages");
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.abstractText())
        .isEqualTo(
            "We study tokenizers for low-resource languages. This item is hand-written for tests.");
    assertThat(first.authors())
        .containsExactly(
            Author.of("Ada Lovelace"), Author.of("Alan Turing"), Author.of("Grace Hopper"));
    assertThat(first.primaryCategory()).isEqualTo("cs.CL");
    assertThat(first.categories()).containsExactly("cs.CL", "cs.AI");
    assertThat(first.links().abstractPage())
        .isEqualTo(URI.create("https://arxiv.org/abs/2510.01001"));
    assertThat(first.links().pdf()).isEqualTo(URI.create("https://arxiv.org/pdf/2510.01001v1"));
    assertThat(first.attribute(Arxiv.ANNOUNCE_TYPE)).contains(AnnounceType.NEW);
    assertThat(first.attribute(Arxiv.ANNOUNCED)).contains(FRIDAY);
    assertThat(first.attribute(Arxiv.LICENSE))
        .contains("http://creativecommons.org/licenses/by/4.0/");
    assertThat(digest.papers().get(1).attribute(Arxiv.ANNOUNCE_TYPE)).contains(AnnounceType.CROSS);
  }

  @Test
  void everyAnnounceTypeOnAsk() {
    server.enqueue(rss("rss_cs.CL_2025-10-03_HANDWRITTEN.xml"));
    server.enqueue(rss("rss_cs.CL_2025-10-03_HANDWRITTEN.xml"));
    List<Paper> all =
        client
            .digest("arxiv")
            .category("cs.CL")
            .option(Arxiv.ANNOUNCE, "new,cross,replace,replace-cross")
            .on(FRIDAY)
            .papers();
    List<Paper> replaced =
        client
            .digest("arxiv")
            .category("cs.CL")
            .option(Arxiv.ANNOUNCE, "replace, REPLACE_CROSS")
            .on(FRIDAY)
            .papers();

    assertThat(all)
        .extracting(p -> p.attribute(Arxiv.ANNOUNCE_TYPE).orElseThrow())
        .containsExactly(
            AnnounceType.NEW, AnnounceType.CROSS, AnnounceType.REPLACE, AnnounceType.REPLACE_CROSS);
    assertThat(replaced)
        .extracting(Paper::versionedId)
        .containsExactly(PaperId.arxiv("2509.09003v2"), PaperId.arxiv("2508.08004v3"));
    assertThat(replaced.get(0).authors())
        .extracting(Author::name)
        .containsExactly("Barbara Liskov", "Edsger Dijkstra");
  }

  @Test
  void severalCategoriesShareOneFeed() throws Exception {
    server.enqueue(rss("rss_cs.CL_2025-10-03_HANDWRITTEN.xml"));
    client.digest("arxiv").category("cs.CL", "cs.LG").latest();

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/rss/cs.CL+cs.LG");
  }

  @Test
  void digestCriteriaTheFeedCannotEvaluateAreAppliedLocally() {
    server.enqueue(rss("rss_cs.CL_2025-10-03_HANDWRITTEN.xml"));
    Digest digest = client.digest("arxiv").category("cs.CL").author("Shannon").latest();

    assertThat(digest.papers()).extracting(Paper::id).containsExactly(PaperId.arxiv("2510.01002"));
  }

  @Test
  void weekendsAndHolidaysAreEmptyNotErrors() {
    Digest saturday = client.digest("arxiv").category("cs.CL").on(LocalDate.of(2025, 10, 4));
    assertThat(saturday.papers()).isEmpty();
    assertThat(server.getRequestCount()).isZero();

    server.enqueue(rss("rss_cs.CL_weekend_empty_HANDWRITTEN.xml"));
    assertThat(client.digest("arxiv").category("cs.CL").latest().papers()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aDayTheFeedNoLongerHoldsIsAClearError() {
    clock.advance(java.time.Duration.ofDays(1));
    server.enqueue(rss("rss_cs.CL_2025-10-03_HANDWRITTEN.xml"));

    assertThatThrownBy(() -> client.digest("arxiv").category("cs.CL").on(LocalDate.of(2025, 10, 2)))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("only the latest announcement (2025-10-03)");
  }

  @Test
  void aDigestNeedsACategory() {
    assertThatThrownBy(() -> client.digest("arxiv").latest())
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("category(\"cs.CL\")");
    assertThatThrownBy(() -> client.digest("arxiv").category("cs.CL").week("2025-W40"))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("WEEK");
    assertThatThrownBy(
            () -> client.digest("arxiv").category("cs.CL").option(Arxiv.ANNOUNCE, "old").latest())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replace-cross");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void listingPagesStandInWhenTheFeedFails() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
    server.enqueue(listing("list_cs.CL_new_2025-10-03_HANDWRITTEN.html"));
    Digest digest =
        client
            .digest("arxiv")
            .category("cs.CL")
            .option(Arxiv.ANNOUNCE, "new,cross,replace,replace-cross")
            .on(FRIDAY);

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/rss/cs.CL");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/list/cs.CL/new");
    assertThat(digest.papers())
        .extracting(Paper::id)
        .containsExactly(
            PaperId.arxiv("2510.01001"),
            PaperId.arxiv("2510.01005"),
            PaperId.arxiv("2510.01002"),
            PaperId.arxiv("2508.08004"));
    assertThat(digest.papers())
        .extracting(p -> p.attribute(Arxiv.ANNOUNCE_TYPE).orElseThrow())
        .containsExactly(
            AnnounceType.NEW, AnnounceType.NEW, AnnounceType.CROSS, AnnounceType.REPLACE_CROSS);
    Paper first = digest.papers().get(0);
    assertThat(first.title())
        .isEqualTo("Hand-Written Listing Entry One: Tokenizers for Low-Resource Languages");
    assertThat(first.authors())
        .extracting(Author::name)
        .containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
    assertThat(first.comment()).isEqualTo("12 pages, 3 figures");
    assertThat(first.categories()).containsExactly("cs.CL", "cs.AI");
    assertThat(first.abstractText())
        .isEqualTo(
            "We study tokenizers for low-resource languages. This entry is hand-written for tests.");
    assertThat(first.attribute(Arxiv.ANNOUNCED)).contains(FRIDAY);
    Paper second = digest.papers().get(1);
    assertThat(second.title())
        .isEqualTo("Hand-Written Listing Entry Two: $\\alpha$-Entmax Attention");
    assertThat(second.journalRef()).isEqualTo("Proc. of a Hand-Written Workshop, 2025");
    assertThat(digest.papers().get(2).categories()).containsExactly("eess.AS", "cs.CL");
  }

  @Test
  void aListingWhoseLayoutChangedIsAParseError() {
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    server.enqueue(
        Fixtures.xml(
            200, "<html><body><div class='new-design'>papers</div></body></html>", "text/html"));

    assertThatThrownBy(() -> client.digest("arxiv").category("cs.CL").latest())
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("dl#articles")
        .hasMessageContaining("layout may have changed");
  }

  @Test
  void aFeedThatIsNotRssFallsBackToo() {
    server.enqueue(Fixtures.xml(200, "<html><body>maintenance</body></html>", "text/html"));
    server.enqueue(listing("list_cs.CL_new_2025-10-03_HANDWRITTEN.html"));

    assertThat(client.digest("arxiv").category("cs.CL").latest().papers()).hasSize(3);
  }
}

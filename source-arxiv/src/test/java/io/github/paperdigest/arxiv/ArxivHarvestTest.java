package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.testing.FakeClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAI-PMH harvests on the two real answers (387 arXivRaw records ending with a resumption token;
 * one GetRecord) and sequences built from their records: several pages, 503 with Retry-After, an
 * empty page with a token, expired tokens, kill and resume, deleted records, OAI errors and the XML
 * defences.
 */
final class ArxivHarvestTest {
  private static final String LIST =
      Fixtures.read("oaipmh_ListRecords_arXivRaw_from2016-10-20_387records_resumptionToken.xml");
  private static final String GET = Fixtures.read("oaipmh_GetRecord_sample.xml");
  private static final List<String> RECORDS = records(LIST);

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2016-10-21T08:00:00Z"));
  @TempDir Path dir;
  private PaperDigest client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, clock, "oai-url", server.url("/oai").toString()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static List<String> records(String page) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?s)<record>.*?</record>").matcher(page);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** A ListRecords answer of {@code records}, with {@code token} (null: the last page). */
  static String page(List<String> records, String token) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n"
        + "<responseDate>2016-10-21T04:36:53Z</responseDate>\n"
        + "<request verb=\"ListRecords\">http://export.arxiv.org/oai2</request>\n"
        + "<ListRecords>\n"
        + String.join("\n", records)
        + (token == null
            ? "<resumptionToken cursor=\"1000\" completeListSize=\"1440\"/>"
            : "<resumptionToken cursor=\"0\" completeListSize=\"1440\">"
                + token
                + "</resumptionToken>")
        + "\n</ListRecords>\n</OAI-PMH>\n";
  }

  static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n"
        + "<responseDate>2016-10-21T04:36:53Z</responseDate>\n"
        + "<request verb=\"ListRecords\">http://export.arxiv.org/oai2</request>\n"
        + "<error code=\""
        + code
        + "\">"
        + message
        + "</error>\n</OAI-PMH>\n";
  }

  private void serve(String body) {
    server.enqueue(Fixtures.xml(200, body, "text/xml; charset=utf-8"));
  }

  private static List<String> ids(List<Paper> papers) {
    return papers.stream().map(p -> p.id().value()).toList();
  }

  private static List<String> ids(List<String> records, int from, int to) {
    return records(String.join("", records.subList(from, to))).stream()
        .map(r -> r.replaceAll("(?s).*<identifier>oai:arXiv.org:([^<]+)</identifier>.*", "$1"))
        .toList();
  }

  @Test
  void readsTheRecordedPageThenFollowsItsTokenPolitely() throws Exception {
    serve(LIST);
    serve(page(List.of(records(GET).get(0)), null));

    List<Paper> papers;
    try (ArxivHarvest.Run run =
        Arxiv.harvest(client)
            .set("cs")
            .from(LocalDate.of(2016, 10, 20))
            .metadata(OaiFormat.ARXIV_RAW)
            .start()) {
      papers = run.papers().toList();
      assertThat(run.progress().complete()).isTrue();
      assertThat(run.progress().records()).isEqualTo(388);
      assertThat(run.progress().pages()).isEqualTo(2);
      assertThat(run.progress().completeListSize()).isEqualTo(1440);
    }

    assertThat(papers).hasSize(388);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/oai");
    assertThat(first.getUrl().queryParameter("verb")).isEqualTo("ListRecords");
    assertThat(first.getUrl().queryParameter("metadataPrefix")).isEqualTo("arXivRaw");
    assertThat(first.getUrl().queryParameter("set")).isEqualTo("cs");
    assertThat(first.getUrl().queryParameter("from")).isEqualTo("2016-10-20");
    // no until: the window reaches today (the clock's 2016-10-21)
    assertThat(first.getUrl().queryParameter("until")).isEqualTo("2016-10-21");
    assertThat(first.getHeaders().get("User-Agent")).startsWith("PaperDigest/");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().queryParameterNames()).containsExactly("verb", "resumptionToken");
    assertThat(second.getUrl().queryParameter("resumptionToken")).isEqualTo("1403493|1001");
    // arXiv's terms: one request every 3 s
    assertThat(clock.sleeps().stream().mapToLong(Duration::toMillis).sum())
        .isGreaterThanOrEqualTo(3000);

    Paper p = papers.get(0);
    assertThat(p.id().value()).isEqualTo("0803.4354");
    assertThat(p.version()).isEqualTo(6);
    assertThat(p.title())
        .isEqualTo("A O(n^8) X O(n^7) Linear Programming Model of the Traveling Salesman Problem");
    assertThat(p.authors()).extracting(Author::name).containsExactly("Moustapha Diaby");
    assertThat(p.categories()).containsExactly("cs.DM");
    assertThat(p.primaryCategory()).isEqualTo("cs.DM");
    assertThat(p.published()).isEqualTo(Instant.parse("2008-03-30T23:26:50Z"));
    assertThat(p.updated()).isEqualTo(Instant.parse("2016-10-20T16:58:38Z"));
    assertThat(p.comment()).startsWith("Theorem 25 and Corollary 26 are incorrect.");
    assertThat(p.attribute(Arxiv.LICENSE))
        .contains("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    assertThat(p.attribute(Arxiv.SUBMITTER)).contains("Moustapha Diaby");
    assertThat(p.attribute(Arxiv.DATESTAMP)).contains(LocalDate.of(2016, 10, 21));
    assertThat(p.attribute(Arxiv.SETS)).contains(List.of("cs"));
    assertThat(p.attribute(Arxiv.VERSIONS).orElseThrow())
        .extracting(ArxivVersion::version)
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(p.links().abstractPage()).hasToString("https://arxiv.org/abs/0803.4354");
    assertThat(p.links().pdf()).hasToString("https://arxiv.org/pdf/0803.4354");
    assertThat(p.attribute(Arxiv.DELETED)).isEmpty();
    // every record of the recording reads into a paper with a title and a datestamp
    assertThat(papers).allSatisfy(x -> assertThat(x.attribute(Arxiv.DATESTAMP)).isPresent());
  }

  @Test
  void getRecordSplitsTheAuthorsStringAndDecodesEntities() {
    OaiParser.OaiPage page =
        OaiParser.parse(new ByteArrayInputStream(GET.getBytes(StandardCharsets.UTF_8)), "test:");
    Paper p = page.papers().get(0);
    assertThat(p.title()).isEqualTo("Object Re-Use & Exchange: A Resource-Centric Approach");
    assertThat(p.authors())
        .extracting(Author::name)
        .containsExactly(
            "Carl Lagoze",
            "Herbert Van de Sompel",
            "Michael L. Nelson",
            "Simeon Warner",
            "Robert Sanderson",
            "Pete Johnston");
    assertThat(p.categories()).containsExactly("cs.DL", "cs.NI");
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.updated()).isNull();
    assertThat(page.token()).isNull();
    assertThat(OaiParser.splitAuthors("A. One (MIT, Cambridge), B. Two and C. Three"))
        .extracting(Author::name, Author::affiliations)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A. One", List.of("MIT, Cambridge")),
            org.assertj.core.groups.Tuple.tuple("B. Two", List.of()),
            org.assertj.core.groups.Tuple.tuple("C. Three", List.of()));
  }

  @Test
  void retriesA503AfterItsRetryAfterAndCarriesOn() {
    serve(page(RECORDS.subList(0, 100), "t1"));
    server.enqueue(
        new MockResponse.Builder().code(503).addHeader("Retry-After", "20").body("busy").build());
    serve(page(RECORDS.subList(100, 200), null));

    List<Paper> papers;
    try (ArxivHarvest.Run run = Arxiv.harvest(client).metadata(OaiFormat.ARXIV_RAW).start()) {
      papers = run.papers().toList();
    }
    assertThat(ids(papers)).isEqualTo(ids(RECORDS, 0, 200));
    assertThat(clock.sleeps()).contains(Duration.ofSeconds(20));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anEmptyPageWithATokenIsPassedAndAPageEndsTheList() {
    serve(page(RECORDS.subList(0, 10), "t1"));
    serve(page(List.of(), "t2"));
    serve(page(RECORDS.subList(10, 20), null));
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      assertThat(ids(run.papers().toList())).isEqualTo(ids(RECORDS, 0, 20));
      assertThat(run.progress().pages()).isEqualTo(3);
    }
  }

  @Test
  void noRecordsMatchIsAnEmptyHarvestAndOtherErrorsAreTyped() {
    serve(error("noRecordsMatch", "No records match"));
    try (ArxivHarvest.Run run = Arxiv.harvest(client).set("cs").start()) {
      assertThat(run.papers().toList()).isEmpty();
      assertThat(run.progress().complete()).isTrue();
    }
    for (String code : List.of("badArgument", "cannotDisseminateFormat", "badResumptionToken")) {
      serve(error(code, "arXiv says no"));
      try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
        assertThatThrownBy(() -> run.papers().toList())
            .isInstanceOf(OaiPmhException.class)
            .hasMessageContaining(code)
            .hasMessageContaining("arXiv says no")
            .satisfies(e -> assertThat(((OaiPmhException) e).code()).isEqualTo(code));
      }
    }
  }

  @Test
  void aKilledHarvestResumesAfterItsLastCompletedPageWithNoRecordMissingOrTwice() {
    Path state = dir.resolve("cs.state");
    List<String> output = new ArrayList<>(); // the caller's output; its size is the sink position
    serve(page(RECORDS.subList(0, 100), "t1"));
    serve(page(RECORDS.subList(100, 200), "t2"));
    ArxivHarvest harvest =
        Arxiv.harvest(client)
            .set("cs")
            .metadata(OaiFormat.ARXIV_RAW)
            .state(state)
            .sink(() -> output.size());
    try (ArxivHarvest.Run run = harvest.start();
        Stream<Paper> papers = run.papers()) {
      Iterator<Paper> it = papers.iterator();
      for (int i = 0; i < 150; i++) { // page 1 and half of page 2, then the process dies
        output.add(it.next().id().value());
      }
    }

    // started again with the same state: page 2 again (t1), then page 3
    serve(page(RECORDS.subList(100, 200), "t2"));
    serve(page(RECORDS.subList(200, 300), null));
    try (ArxivHarvest.Run run = harvest.start()) {
      assertThat(run.resumedPosition()).hasValue(100);
      output.subList((int) run.resumedPosition().getAsLong(), output.size()).clear();
      run.papers().forEach(p -> output.add(p.id().value()));
      assertThat(run.progress().records()).isEqualTo(300);
      assertThat(run.progress().runRecords()).isEqualTo(200);
      assertThat(run.progress().complete()).isTrue();
    }
    assertThat(output).isEqualTo(ids(RECORDS, 0, 300));
    assertThat(takeTokens()).containsExactly(null, "t1", "t1", "t2");

    // a complete harvest started again asks nothing
    try (ArxivHarvest.Run run = harvest.start()) {
      assertThat(run.papers().toList()).isEmpty();
      assertThat(run.wasComplete()).isTrue();
    }
  }

  @Test
  void aKillBeforeTheFirstCheckpointCutsTheOutputBackToWhereItStarted() {
    Path state = dir.resolve("early.state");
    List<String> output = new ArrayList<>(List.of("an earlier line"));
    serve(page(RECORDS.subList(0, 100), "t1"));
    ArxivHarvest harvest = Arxiv.harvest(client).state(state).sink(() -> output.size());
    try (ArxivHarvest.Run run = harvest.start()) {
      assertThat(run.resumedPosition()).isEmpty();
      Iterator<Paper> it = run.papers().iterator();
      for (int i = 0; i < 40; i++) {
        output.add(it.next().id().value()); // killed within the first page
      }
    }
    serve(page(RECORDS.subList(0, 100), null));
    try (ArxivHarvest.Run run = harvest.start()) {
      assertThat(run.resumedPosition()).hasValue(1);
      output.subList(1, output.size()).clear();
      run.papers().forEach(p -> output.add(p.id().value()));
    }
    assertThat(output.subList(1, output.size())).isEqualTo(ids(RECORDS, 0, 100));
  }

  private List<String> takeTokens() {
    List<String> tokens = new ArrayList<>();
    int n = server.getRequestCount();
    for (int i = 0; i < n; i++) {
      try {
        tokens.add(server.takeRequest().getUrl().queryParameter("resumptionToken"));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return tokens;
  }

  @Test
  void anExpiredTokenRestartsFromTheLastDatestampWithoutRepeats() {
    Path state = dir.resolve("expired.state");
    serve(page(RECORDS.subList(0, 100), "t1"));
    ArxivHarvest harvest =
        Arxiv.harvest(client)
            .set("cs")
            .from(LocalDate.of(2016, 10, 20))
            .until(LocalDate.of(2016, 10, 21))
            .state(state);
    try (ArxivHarvest.Run run = harvest.start()) {
      Iterator<Paper> it = run.papers().iterator();
      for (int i = 0; i < 100; i++) {
        it.next();
      }
      // the checkpoint of page 1 is written when the 101st record is asked for: kill before
    }
    // the state still holds no checkpoint: the whole harvest again
    serve(page(RECORDS.subList(0, 100), "t1"));
    List<Paper> got = new ArrayList<>();
    try (ArxivHarvest.Run run = harvest.start()) {
      Iterator<Paper> it = run.papers().iterator();
      for (int i = 0; i < 100; i++) {
        got.add(it.next());
      }
      serve(error("badResumptionToken", "expired"));
      // the window again from its first day: records delivered already, then new ones
      serve(page(RECORDS.subList(50, 150), null));
      it.forEachRemaining(got::add);
    }
    assertThat(ids(got)).isEqualTo(ids(RECORDS, 0, 150));
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      try {
        requests.add(server.takeRequest());
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    RecordedRequest restart = requests.get(requests.size() - 1);
    assertThat(restart.getUrl().queryParameter("from")).isEqualTo("2016-10-20");
    assertThat(restart.getUrl().queryParameter("until")).isEqualTo("2016-10-21");
    assertThat(restart.getUrl().queryParameter("set")).isEqualTo("cs");
    assertThat(restart.getUrl().queryParameter("resumptionToken")).isNull();
  }

  @Test
  void aRangeIsReadWindowByWindowAndAnExpiredTokenWithoutFromIsAnError() {
    serve(page(RECORDS.subList(0, 10), null)); // 2016-10-01..07
    serve(error("noRecordsMatch", "none")); // 2016-10-08..14
    serve(page(RECORDS.subList(10, 20), null)); // 2016-10-15..20
    try (ArxivHarvest.Run run =
        Arxiv.harvest(client)
            .from(LocalDate.of(2016, 10, 1))
            .until(LocalDate.of(2016, 10, 20))
            .start()) {
      assertThat(ids(run.papers().toList())).isEqualTo(ids(RECORDS, 0, 20));
    }
    List<String> windows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try {
        var u = server.takeRequest().getUrl();
        windows.add(u.queryParameter("from") + ".." + u.queryParameter("until"));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(windows)
        .containsExactly(
            "2016-10-01..2016-10-07", "2016-10-08..2016-10-14", "2016-10-15..2016-10-20");

    serve(page(RECORDS.subList(0, 10), "t1"));
    serve(error("badResumptionToken", "expired"));
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      assertThatThrownBy(() -> run.papers().toList())
          .isInstanceOf(OaiPmhException.class)
          .hasMessageContaining("from(...)");
    }
  }

  @Test
  void aSlowPageGetsTheHarvestsLongerTimeoutsWhereAQueryWouldTimeOut() {
    try (PaperDigest impatient =
        Fixtures.client(
                server,
                clock,
                "oai-url",
                server.url("/oai").toString(),
                "oai-read-timeout",
                "PT5S",
                "max-retries",
                "0")
            .readTimeout(Duration.ofMillis(300))
            .callTimeout(Duration.ofMillis(600))
            .build()) {
      server.enqueue(
          Fixtures.xml(200, page(RECORDS.subList(0, 3), null), "text/xml")
              .newBuilder()
              .headersDelay(1, java.util.concurrent.TimeUnit.SECONDS)
              .build());
      try (ArxivHarvest.Run run = Arxiv.harvest(impatient).start()) {
        assertThat(run.papers().toList()).hasSize(3);
      }
      // the same delay on a query page is over the client's own timeouts
      server.enqueue(
          Fixtures.xml(
                  200, Fixtures.read("api_idlist_1707.08567_comment.xml"), "application/atom+xml")
              .newBuilder()
              .headersDelay(1, java.util.concurrent.TimeUnit.SECONDS)
              .build());
      assertThatThrownBy(
              () ->
                  impatient
                      .from("arxiv")
                      .papers(List.of(io.github.paperdigest.model.PaperId.arxiv("1707.08567"))))
          .isInstanceOf(io.github.paperdigest.model.SourceUnavailableException.class);
    }
  }

  @Test
  void aDeletedRecordIsFlaggedNotDropped() {
    String deleted =
        "<record><header status=\"deleted\"><identifier>oai:arXiv.org:cs/0112017</identifier>"
            + "<datestamp>2016-10-21</datestamp><setSpec>cs</setSpec></header></record>";
    serve(page(List.of(RECORDS.get(0), deleted), null));
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      List<Paper> papers = run.papers().toList();
      assertThat(papers).hasSize(2);
      Paper d = papers.get(1);
      assertThat(d.id().value()).isEqualTo("cs/0112017");
      assertThat(d.attribute(Arxiv.DELETED)).contains(true);
      assertThat(d.attribute(Arxiv.DATESTAMP)).contains(LocalDate.of(2016, 10, 21));
      assertThat(run.progress().deleted()).isEqualTo(1);
    }
  }

  @Test
  void theArxivAndDublinCoreFormatsRead() {
    // written by hand from arXiv's arXiv.xsd and the oai_dc schema, for want of a recording
    String arxiv =
        "<record><header><identifier>oai:arXiv.org:2510.02283</identifier>"
            + "<datestamp>2025-10-06</datestamp><setSpec>cs</setSpec></header><metadata>"
            + "<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>2510.02283</id>"
            + "<created>2025-10-02</created><updated>2025-10-05</updated><authors>"
            + "<author><keyname>Cui</keyname><forenames>Justin</forenames>"
            + "<affiliation>UCLA</affiliation></author>"
            + "<author><keyname>Wu</keyname><forenames>Jie</forenames><suffix>Jr</suffix></author>"
            + "</authors><title>Self-Forcing++</title><categories>cs.CV cs.AI</categories>"
            + "<journal-ref>J. Video 1 (2025)</journal-ref><doi>10.1/x 10.2/y</doi>"
            + "<license>http://creativecommons.org/licenses/by/4.0/</license>"
            + "<abstract>  Long\n videos. </abstract></arXiv></metadata></record>";
    String dc =
        "<record><header><identifier>oai:arXiv.org:0804.2273</identifier>"
            + "<datestamp>2008-04-16</datestamp><setSpec>cs</setSpec></header><metadata>"
            + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>Object Re-Use &amp; Exchange</dc:title>"
            + "<dc:creator>Lagoze, Carl</dc:creator><dc:creator>Van de Sompel, Herbert</dc:creator>"
            + "<dc:subject>Computer Science - Digital Libraries</dc:subject>"
            + "<dc:description>The OAI-ORE framework.</dc:description>"
            + "<dc:description>Comment: 8 pages</dc:description>"
            + "<dc:date>2008-04-14</dc:date><dc:date>2008-05-01</dc:date>"
            + "<dc:type>text</dc:type><dc:identifier>http://arxiv.org/abs/0804.2273</dc:identifier>"
            + "<dc:identifier>doi:10.1000/ore</dc:identifier></oai_dc:dc></metadata></record>";
    OaiParser.OaiPage page =
        OaiParser.parse(
            new ByteArrayInputStream(
                page(List.of(arxiv, dc), null).getBytes(StandardCharsets.UTF_8)),
            "test:");
    Paper a = page.papers().get(0);
    assertThat(a.authors())
        .extracting(Author::name, Author::affiliations)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Justin Cui", List.of("UCLA")),
            org.assertj.core.groups.Tuple.tuple("Jie Wu Jr", List.of()));
    assertThat(a.published()).isEqualTo(Instant.parse("2025-10-02T00:00:00Z"));
    assertThat(a.updated()).isEqualTo(Instant.parse("2025-10-05T00:00:00Z"));
    assertThat(a.categories()).containsExactly("cs.CV", "cs.AI");
    assertThat(a.doi()).isEqualTo("10.1/x");
    assertThat(a.links().doi()).hasToString("https://doi.org/10.1/x");
    assertThat(a.journalRef()).isEqualTo("J. Video 1 (2025)");
    assertThat(a.abstractText()).isEqualTo("Long videos.");
    Paper d = page.papers().get(1);
    assertThat(d.title()).isEqualTo("Object Re-Use & Exchange");
    assertThat(d.authors())
        .extracting(Author::name)
        .containsExactly("Carl Lagoze", "Herbert Van de Sompel");
    assertThat(d.abstractText()).isEqualTo("The OAI-ORE framework.");
    assertThat(d.comment()).isEqualTo("8 pages");
    assertThat(d.doi()).isEqualTo("10.1000/ore");
    assertThat(d.published()).isEqualTo(Instant.parse("2008-04-14T00:00:00Z"));
    assertThat(d.updated()).isEqualTo(Instant.parse("2008-05-01T00:00:00Z"));
    assertThat(d.links().abstractPage()).hasToString("https://arxiv.org/abs/0804.2273");
  }

  @Test
  void theStateIsForOneHarvestAtATimeAndOfOneHarvest() {
    Path state = dir.resolve("one.state");
    serve(page(RECORDS.subList(0, 10), null));
    ArxivHarvest cs = Arxiv.harvest(client).set("cs").state(state);
    try (ArxivHarvest.Run run = cs.start()) {
      assertThatThrownBy(cs::start)
          .isInstanceOf(HarvestException.class)
          .hasMessageContaining("in use by another harvest");
      run.papers().forEach(p -> {});
    }
    assertThatThrownBy(() -> Arxiv.harvest(client).set("math").state(state).start())
        .isInstanceOf(HarvestException.class)
        .hasMessageContaining("belongs to another harvest")
        .hasMessageContaining("set cs");
    assertThatThrownBy(() -> Arxiv.harvest(client).set("cs; drop"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Arxiv.harvest(client)
                    .from(LocalDate.of(2025, 2, 1))
                    .until(LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenAnsweredWithItselfStopsRatherThanLoops() {
    serve(page(RECORDS.subList(0, 10), "same"));
    serve(page(RECORDS.subList(10, 20), "same"));
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      assertThatThrownBy(() -> run.papers().toList())
          .isInstanceOf(SourceParseException.class)
          .hasMessageContaining("with itself");
    }
  }

  @Test
  void tokensCyclingOverTheSameRecordsStop() {
    for (int i = 0; i < ArxivHarvest.MAX_EMPTY_PAGES + 2; i++) {
      serve(page(RECORDS.subList(0, 5), i % 2 == 0 ? "a" : "b")); // a, b, a, b, … forever
    }
    try (ArxivHarvest.Run run = Arxiv.harvest(client).from(LocalDate.of(2016, 10, 20)).start()) {
      assertThatThrownBy(() -> run.papers().count())
          .isInstanceOf(SourceParseException.class)
          .hasMessageContaining("without a new record");
    }
  }

  @Test
  void anOverlongTokenIsRefused() {
    serve(page(RECORDS.subList(0, 5), "t".repeat(OaiParser.MAX_TOKEN + 1)));
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      assertThatThrownBy(() -> run.papers().toList())
          .isInstanceOf(SourceParseException.class)
          .hasMessageContaining("resumptionToken");
    }
  }

  @Test
  void theXmlDefencesHold() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE OAI-PMH [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<OAI-PMH><ListRecords><record><header><identifier>&x;</identifier></header>"
            + "</record></ListRecords></OAI-PMH>";
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<OAI-PMH>&lol2;</OAI-PMH>";
    for (String body : List.of(xxe, laughs)) {
      serve(body);
      try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
        assertThatThrownBy(() -> run.papers().toList())
            .isInstanceOf(SourceParseException.class)
            .hasMessageContaining("DTD");
      }
    }
    serve(LIST.substring(0, LIST.length() / 2)); // cut short
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      assertThatThrownBy(() -> run.papers().toList()).isInstanceOf(SourceParseException.class);
    }
    serve("<html><body>maintenance</body></html>");
    try (ArxivHarvest.Run run = Arxiv.harvest(client).start()) {
      assertThatThrownBy(() -> run.papers().toList())
          .isInstanceOf(SourceParseException.class)
          .hasMessageContaining("expected an <OAI-PMH> answer");
    }
  }
}

package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.testing.FakeClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every recorded answer of the arXiv API, through the real client, with exact values. */
final class ArxivRecordedTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-26T12:00:00Z"));
  private PaperDigest client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, clock).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private RecordedRequest request() throws InterruptedException {
    return server.takeRequest();
  }

  @Test
  void newFormatSearchPage() throws Exception {
    server.enqueue(Fixtures.atom("api_NEWFORMAT_2025-11_query_electron_AND_proton_max10.xml"));
    List<Paper> papers =
        client.from("arxiv").option(Arxiv.QUERY, "all:electron AND all:proton").limit(10).list();

    assertThat(request().getUrl().queryParameter("search_query"))
        .isEqualTo("all:electron AND all:proton");
    assertThat(papers).hasSize(10);
    Paper first = papers.get(0);
    assertThat(first.id()).isEqualTo(PaperId.arxiv("nucl-ex/0408020"));
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.title())
        .isEqualTo(
            "Two-photon exchange and elastic scattering of electrons/positrons on the proton."
                + " (Proposal for an experiment at VEPP-3)");
    assertThat(first.abstractText())
        .startsWith("It has been suggested that two-photon exchange corrections")
        .endsWith("is in fact able to explain the discrepancy.");
    assertThat(first.authors()).hasSize(9);
    assertThat(first.authors().get(0)).isEqualTo(Author.of("J. Arrington"));
    assertThat(first.authors().get(8).name()).isEqualTo("H. de Vries");
    assertThat(first.published()).isEqualTo(Instant.parse("2004-08-18T23:13:32Z"));
    assertThat(first.updated()).isEqualTo(Instant.parse("2005-09-17T15:04:24Z"));
    assertThat(first.primaryCategory()).isEqualTo("nucl-ex");
    assertThat(first.categories()).containsExactly("nucl-ex", "hep-ph");
    assertThat(first.comment()).startsWith("13 pages, 10 figures. Proposal for a comparison");
    assertThat(first.links().abstractPage())
        .isEqualTo(URI.create("https://arxiv.org/abs/nucl-ex/0408020v1"));
    assertThat(first.links().pdf())
        .isEqualTo(URI.create("https://arxiv.org/pdf/nucl-ex/0408020v1"));
    assertThat(first.source()).isEqualTo("arxiv");

    Paper last = papers.get(9);
    assertThat(last.id()).isEqualTo(PaperId.arxiv("1401.3666"));
    assertThat(last.version()).isEqualTo(2);
    assertThat(last.title())
        .isEqualTo("Light Sea Fermions in Electron-Proton and Muon-Proton Interactions");
    assertThat(last.authors()).containsExactly(Author.of("U. D. Jentschura"));
    assertThat(last.categories()).containsExactly("physics.atom-ph", "hep-ph", "nucl-th");
    assertThat(last.journalRef()).isEqualTo("Phys.Rev.A 88 (2013) 062514");
    assertThat(last.doi()).isEqualTo("10.1103/PhysRevA.88.062514");
    assertThat(last.links().doi())
        .isEqualTo(URI.create("https://doi.org/10.1103/PhysRevA.88.062514"));
  }

  @Test
  void oldFormatSearchPageUnwrapsTitlesAndAbstracts() throws Exception {
    server.enqueue(Fixtures.atom("api_OLDFORMAT_2025-08_query_electron_AND_proton_max10.xml"));
    List<Paper> papers =
        client.from("arxiv").option(Arxiv.QUERY, "all:electron AND all:proton").limit(10).list();

    assertThat(papers).hasSize(10);
    Paper first = papers.get(0);
    assertThat(first.id()).isEqualTo(PaperId.arxiv("astro-ph/9904306"));
    assertThat(first.title()).isEqualTo("Improved scenario of baryogenesis");
    assertThat(first.abstractText())
        .startsWith(
            "It is assumed that, in the primordial plasma, at the temperatures above the"
                + " mass of electron, fermions")
        .endsWith("survive as protons and electrons.")
        .doesNotContain("\n", "  ");
    assertThat(first.comment()).isEqualTo("3 pages LaTeX");
    assertThat(first.primaryCategory()).isEqualTo("astro-ph");
    assertThat(first.links().pdf())
        .isEqualTo(URI.create("http://arxiv.org/pdf/astro-ph/9904306v1"));
    Paper second = papers.get(1);
    assertThat(second.title())
        .isEqualTo(
            "Proton-ring and Electron-linac Collider (PRELC) as a (first) TeV-rangeelectron-proton or photon-proton collider");
    assertThat(second.authors())
        .containsExactly(new Author("Raimo Vuopionperä", List.of("SEFT, Univ. Helsinki")));
    assertThat(second.published()).isEqualTo(Instant.parse("1994-11-08T11:19:41Z"));
    Paper last = papers.get(9);
    assertThat(last.id()).isEqualTo(PaperId.arxiv("2407.11707"));
    assertThat(last.authors())
        .extracting(Author::name)
        .containsExactly("Toshio Suzuki", "Rika Danjo", "Toshimi Suda");
    assertThat(last.comment()).isNull();
  }

  @Test
  void hundredEntryPage() throws Exception {
    server.enqueue(Fixtures.atom("api_query_all-testing_start0_max100_100entries.xml"));
    List<Paper> papers =
        client
            .from("arxiv")
            .search("testing")
            .sortBy(io.github.paperdigest.model.Sort.RELEVANCE)
            .limit(100)
            .list();

    RecordedRequest r = request();
    assertThat(r.getUrl().queryParameter("search_query")).isEqualTo("all:testing");
    assertThat(r.getUrl().queryParameter("sortBy")).isEqualTo("relevance");
    assertThat(r.getUrl().queryParameter("sortOrder")).isEqualTo("descending");
    assertThat(r.getUrl().queryParameter("max_results")).isEqualTo("100");
    assertThat(papers).hasSize(100).doesNotHaveDuplicates();
    Paper first = papers.get(0);
    assertThat(first.id()).isEqualTo(PaperId.arxiv("2202.12139"));
    assertThat(first.title()).startsWith("Testing Deep Learning Models: A First Comparative Study");
    assertThat(first.categories()).containsExactly("cs.SE", "cs.LG");
    assertThat(first.journalRef())
        .startsWith("Artificial Intelligence in Software Testing @ 2022 IEEE");
    assertThat(first.doi()).isEqualTo("10.1109/ICSTW55395.2022.00035");
    assertThat(first.links().doi())
        .isEqualTo(URI.create("https://doi.org/10.1109/ICSTW55395.2022.00035"));
    Paper last = papers.get(99);
    assertThat(last.id()).isEqualTo(PaperId.arxiv("gr-qc/0103067"));
    assertThat(last.authors())
        .extracting(Author::name)
        .containsExactly("Mark P. Haugan", "C. Lämmerzahl");
    assertThat(last.journalRef()).isEqualTo("Lect.Notes Phys.562:195-212,2001");
    assertThat(papers)
        .allSatisfy(
            p -> {
              assertThat(p.title()).isNotBlank();
              assertThat(p.published()).isNotNull();
              assertThat(p.authors()).isNotEmpty();
              assertThat(p.links().pdf()).isNotNull();
            });
  }

  @Test
  void oldStyleIdWithJournalRefAndAffiliations() throws Exception {
    server.enqueue(
        Fixtures.atom("api_idlist_astro-ph_0601001_oldstyle_journalref_affiliation.xml"));
    Paper p = client.from("arxiv").paper(PaperId.arxiv("astro-ph/0601001")).orElseThrow();

    assertThat(request().getUrl().queryParameter("id_list")).isEqualTo("astro-ph/0601001");
    assertThat(p.title())
        .isEqualTo(
            "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys"
                + " Toward the Galactic Bulge and Carina");
    assertThat(p.journalRef()).isEqualTo("ActaAstron.56:1-50,2006");
    assertThat(p.authors())
        .containsExactly(
            new Author("Andrew Gould", List.of("Ohio State")),
            new Author("Susan Dorsher", List.of("Ohio State")),
            new Author("B. Scott Gaudi", List.of("CfA")),
            new Author("Andrzej Udalski", List.of("Warsaw University Observatory")));
    assertThat(p.published()).isEqualTo(Instant.parse("2006-01-02T14:57:58Z"));
    assertThat(p.abstractText())
        .startsWith("We derive the frequencies of hot Jupiters (HJs) with 3--5 day periods")
        .contains("V_max<17.5");
  }

  @Test
  void versionedOldStyleIdAsksForThatVersion() throws Exception {
    server.enqueue(Fixtures.atom("api_idlist_quant-ph_0201082v1_oldstyle_versioned.xml"));
    Paper p = client.from("arxiv").paper(PaperId.arxiv("quant-ph/0201082v1")).orElseThrow();

    assertThat(request().getUrl().queryParameter("id_list")).isEqualTo("quant-ph/0201082v1");
    assertThat(p.versionedId()).isEqualTo(PaperId.arxiv("quant-ph/0201082v1"));
    assertThat(p.title())
        .startsWith("Quantum Computers and Quantum Computer Languages: Quantum Assembly Lan");
    assertThat(p.categories()).containsExactly("quant-ph", "cs.PL");
    assertThat(p.comment()).isEqualTo("32 pages");
  }

  @Test
  void theTitleZeroIsATitle() throws Exception {
    server.enqueue(Fixtures.atom("api_idlist_2104.12255v1_versioned_title_is_0.xml"));
    Paper p = client.from("arxiv").paper(PaperId.arxiv("2104.12255v1")).orElseThrow();

    assertThat(request().getUrl().queryParameter("id_list")).isEqualTo("2104.12255v1");
    assertThat(p.title()).isEqualTo("0");
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.authors()).containsExactly(Author.of("Quan Thoi Minh Nguyen"));
    assertThat(p.primaryCategory()).isEqualTo("cs.CR");
    assertThat(p.abstractText()).startsWith("What is the funniest number in cryptography? 0.");
  }

  @Test
  void commentAndManyAuthors() throws Exception {
    server.enqueue(Fixtures.atom("api_idlist_1707.08567_comment.xml"));
    Paper p = client.from("arxiv").paper(PaperId.arxiv("1707.08567")).orElseThrow();

    assertThat(p.title())
        .startsWith("Proceedings of Workshop AEW10: Concepts in Information Theory and Comm");
    assertThat(p.authors()).hasSize(34);
    assertThat(p.authors().get(0).name()).isEqualTo("Kees A. Schouhamer Immink");
    assertThat(p.comment())
        .startsWith("44 pages, editors for the proceedings: Yanling Chen and A. J");
    assertThat(p.categories()).containsExactly("cs.IT");
  }

  @Test
  void anIdArxivDropsSilentlyIsNotFound() throws Exception {
    server.enqueue(Fixtures.atom("api_idlist_0808.05394+1707.08567_one_bad_id_dropped.xml"));
    List<Paper> found =
        client
            .from("arxiv")
            .papers(List.of(PaperId.of("arxiv", "0808.05394"), PaperId.arxiv("1707.08567")));

    assertThat(request().getUrl().queryParameter("id_list")).isEqualTo("0808.05394,1707.08567");
    assertThat(found).extracting(Paper::id).containsExactly(PaperId.arxiv("1707.08567"));
  }

  @Test
  void emptyAnswersAreNotFound() {
    server.enqueue(Fixtures.atom("api_empty_idlist_0000.0000_total0.xml"));
    server.enqueue(Fixtures.atom("api_empty_idlist_0808.05394_total0.xml"));
    server.enqueue(Fixtures.atom("api_NEWFORMAT_2025-11_empty_idlist_1201.56789_total0.xml"));
    server.enqueue(
        Fixtures.atom("api_OLDFORMAT_2025-08_empty_idlist_1201.56789_total1_noentries.xml"));

    assertThat(client.from("arxiv").paper(PaperId.of("arxiv", "0000.0000"))).isEmpty();
    assertThat(client.from("arxiv").paper(PaperId.of("arxiv", "0808.05394"))).isEmpty();
    assertThat(client.from("arxiv").paper(PaperId.of("arxiv", "1201.56789"))).isEmpty();
    client.invalidateCache();
    assertThat(client.from("arxiv").paper(PaperId.of("arxiv", "1201.56789"))).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void blankEntriesAreNotFoundNotEmptyPapers() throws Exception {
    List<PaperId> ids =
        List.of(
            PaperId.arxiv("2201.13455"),
            PaperId.arxiv("2201.13452"),
            PaperId.arxiv("2201.13453"),
            PaperId.arxiv("2201.13454"));
    server.enqueue(Fixtures.atom("api_OLDFORMAT_2025-08_idlist_with_missing_id_blank_entry.xml"));
    List<Paper> old = client.from("arxiv").papers(ids);
    assertThat(request().getUrl().queryParameter("id_list"))
        .isEqualTo("2201.13455,2201.13452,2201.13453,2201.13454");

    client.invalidateCache();
    server.enqueue(Fixtures.atom("api_NEWFORMAT_2025-11_idlist_with_missing_id.xml"));
    List<Paper> now = client.from("arxiv").papers(ids);

    for (List<Paper> found : List.of(old, now)) {
      assertThat(found).hasSize(1);
      Paper p = found.get(0);
      assertThat(p.id()).isEqualTo(PaperId.arxiv("2201.13452"));
      assertThat(p.title())
          .isEqualTo(
              "Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling"
                  + " an Infectious Disease");
      assertThat(p.authors()).extracting(Author::name).containsExactly("Hong-Ming Yin", "Jun Zou");
      assertThat(p.comment()).isEqualTo("34 pages");
      assertThat(p.published()).isEqualTo(Instant.parse("2022-01-31T18:59:34Z"));
    }
    assertThat(old.get(0).updated()).isEqualTo(Instant.parse("2022-01-31T18:59:34Z"));
    assertThat(now.get(0).updated()).isEqualTo(Instant.parse("2022-02-01T04:27:03Z"));
    assertThat(old.get(0).categories()).containsExactly("math.AP", "35");
  }

  @Test
  void errorFeedCarriesArxivsMessage() {
    server.enqueue(
        Fixtures.xml(
            400, Fixtures.read("api_error_idlist_abc_http400.xml"), "application/atom+xml"));

    assertThatThrownBy(() -> client.from("arxiv").option(Arxiv.QUERY, "id:abc").list())
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.publisherMessage()).isEqualTo("incorrect id format for abc");
              assertThat(e.sourceId()).isEqualTo("arxiv");
            })
        .hasMessageContaining("incorrect id format for abc");
  }

  @Test
  void errorEntryInASuccessfulAnswerIsAnErrorToo() {
    server.enqueue(
        Fixtures.xml(
            200, Fixtures.read("api_error_idlist_abc_http400.xml"), "application/atom+xml"));
    server.enqueue(
        Fixtures.xml(
            200, Fixtures.read("api_error_idlist_abc_http400.xml"), "application/atom+xml"));

    assertThatThrownBy(() -> client.from("arxiv").option(Arxiv.QUERY, "id:abc").list())
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> assertThat(e.publisherMessage()).isEqualTo("incorrect id format for abc"));
    // not cached: the next call asks again
    assertThatThrownBy(() -> client.from("arxiv").option(Arxiv.QUERY, "id:abc").list())
        .isInstanceOf(SourceHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}

package io.github.paperdigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.AttributeKey;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelTest {

  @Test
  void controlCharactersNeverGetIntoAPaper() {
    String esc = "\u001b]0;pwned\u0007";
    Paper p =
        Paper.builder(PaperId.of("hf", "abc\u202e\u0000"), "Title " + esc + " \u202egnp.exe\u0085")
            .abstractText("Line one\nline\u009b two\u2066")
            .authors(List.of(new Author("\u001b[31mRed\u001b[0m", List.of("Lab\u200f", "\u0007"))))
            .categories(List.of("cs.CL\u0000", "cs.CL"))
            .comment("ok\u007f")
            .source("hf-daily")
            .attribute(AttributeKey.of("test.note", String.class), "note\u001b[2J\nnext line")
            .build();
    assertThat(p.id().value()).isEqualTo("abc");
    assertThat(p.title()).isEqualTo("Title ]0;pwned gnp.exe");
    assertThat(p.abstractText()).isEqualTo("Line one line two");
    assertThat(p.authors().get(0)).isEqualTo(new Author("[31mRed[0m", List.of("Lab")));
    assertThat(p.categories()).containsExactly("cs.CL");
    assertThat(p.comment()).isEqualTo("ok");
    assertThat(p.attribute(AttributeKey.of("test.note", String.class)))
        .contains("note[2J\nnext line");
    assertThatThrownBy(
            () -> Paper.builder(PaperId.of("hf", "x"), "\u001b\u202e").source("s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Blank title");
  }

  @Test
  void linksAreHttpOrHttpsOnly() {
    Links links =
        new Links(
            java.net.URI.create("javascript:alert(1)"),
            java.net.URI.create("https://arxiv.org/pdf/1"),
            java.net.URI.create("file:///etc/passwd"),
            java.net.URI.create("HTTP://github.com/a/b"),
            java.net.URI.create("/relative"),
            java.net.URI.create("data:text/html,x"));
    assertThat(links)
        .isEqualTo(
            new Links(
                null,
                java.net.URI.create("https://arxiv.org/pdf/1"),
                null,
                java.net.URI.create("HTTP://github.com/a/b"),
                null,
                null));
    assertThat(Links.NONE.withCode(java.net.URI.create("javascript:alert(1)")).code()).isNull();
  }

  @Test
  void paperId_parsesArxivForms() {
    assertThat(PaperId.parse("2505.09568")).isEqualTo(new PaperId("arxiv", "2505.09568", null));
    assertThat(PaperId.parse("arxiv:2505.09568v2"))
        .isEqualTo(new PaperId("arxiv", "2505.09568", 2));
    assertThat(PaperId.parse("arXiv:1501.00001")).hasToString("arxiv:1501.00001");
    assertThat(PaperId.parse("0808.0539")).hasToString("arxiv:0808.0539");
    assertThat(PaperId.parse("https://arxiv.org/abs/2505.09568v3").version()).isEqualTo(3);
    assertThat(PaperId.parse("http://arxiv.org/pdf/2505.09568.pdf").value())
        .isEqualTo("2505.09568");
    assertThat(PaperId.parse("http://arxiv.org/abs/hep-th/9901001v1"))
        .isEqualTo(new PaperId("arxiv", "hep-th/9901001", 1));
    assertThat(PaperId.parse("math.GT/0309136")).hasToString("arxiv:math.GT/0309136");
    assertThat(PaperId.parse("astro-ph/0601001").unversioned())
        .isEqualTo(PaperId.arxiv("astro-ph/0601001"));
    assertThat(PaperId.parse("arxiv:2505.09568v2").toString()).isEqualTo("arxiv:2505.09568v2");
    assertThat(PaperId.parse("arxiv:2505.09568v2").versionedValue()).isEqualTo("2505.09568v2");
  }

  @Test
  void paperId_otherNamespaces() {
    assertThat(PaperId.parse("doi:10.1145/3368089.3409741"))
        .isEqualTo(PaperId.of("doi", "10.1145/3368089.3409741"));
    assertThat(PaperId.parse("DOI:10.1/x").namespace()).isEqualTo("doi");
    assertThat(PaperId.parse("openreview:abc123").toString()).isEqualTo("openreview:abc123");
  }

  @Test
  void paperId_invalidInputNamed() {
    for (String bad :
        List.of(
            "",
            "abc",
            "2513.00001",
            "2505.0956",
            "1412.12345",
            "arxiv:hello",
            "2505.09568v0",
            "https://example.com/x")) {
      assertThatThrownBy(() -> PaperId.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> PaperId.arxiv("doi:10.1/x"))
        .hasMessageContaining("Not an arXiv id: 'doi:10.1/x'");
    assertThatThrownBy(() -> PaperId.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text == null");
  }

  @Test
  void paper_normalisesAndMovesVersion() {
    Paper p =
        Paper.builder(PaperId.parse("2104.12255v1"), "  A  title\n  wrapped ")
            .abstractText("line one\n   line\ttwo ")
            .source("arxiv")
            .comment("  ")
            .addAuthor(new Author(" Ada\n Lovelace ", List.of("Analytical Engines Ltd")))
            .build();
    assertThat(p.id()).isEqualTo(PaperId.arxiv("2104.12255"));
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.versionedId()).hasToString("arxiv:2104.12255v1");
    assertThat(p.title()).isEqualTo("A title wrapped");
    assertThat(p.abstractText()).isEqualTo("line one line two");
    assertThat(p.comment()).isNull();
    assertThat(p.authors().get(0).name()).isEqualTo("Ada Lovelace");
    assertThat(Paper.builder(PaperId.arxiv("2104.12255"), "0").source("x").build().title())
        .isEqualTo("0");
  }

  @Test
  void paper_listsAreCopiedAndImmutable() {
    List<String> cats = new ArrayList<>(List.of("cs.CL"));
    Paper p = Paper.builder(PaperId.arxiv("2501.00001"), "T").source("s").categories(cats).build();
    cats.add("cs.LG");
    assertThat(p.categories()).containsExactly("cs.CL");
    assertThatThrownBy(() -> p.categories().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.attributes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void paper_rejectsBadComponents() {
    assertThatThrownBy(() -> Paper.builder(PaperId.arxiv("2501.00001"), " \n").source("s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Blank title for arxiv:2501.00001");
    assertThatThrownBy(() -> Paper.builder(PaperId.arxiv("2501.00001"), "T").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Blank source for arxiv:2501.00001");
    assertThatThrownBy(() -> Paper.builder(null, "T"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id == null");
    assertThatThrownBy(() -> new Metrics(-1, null, null)).hasMessage("upvotes < 0: -1");
    assertThatThrownBy(() -> new Author(" ", List.of())).hasMessage("Blank author name");
  }

  @Test
  void attributes_areTyped() {
    AttributeKey<String> summary = AttributeKey.of("hf.aiSummary", String.class);
    AttributeKey<List<String>> keywords = AttributeKey.ofList("hf.aiKeywords", String.class);
    Paper p =
        Paper.builder(PaperId.arxiv("2501.00001"), "T")
            .source("hf-daily")
            .attribute(summary, "Short.")
            .attribute(keywords, List.of("a", "b"))
            .build();
    assertThat(p.attribute(summary)).contains("Short.");
    assertThat(p.attribute(keywords)).contains(List.of("a", "b"));
    assertThat(p.attribute(AttributeKey.of("hf.other", Integer.class))).isEmpty();
    @SuppressWarnings({"unchecked", "rawtypes"})
    AttributeKey<Object> raw = (AttributeKey) AttributeKey.of("hf.count", Integer.class);
    assertThatThrownBy(() -> Paper.builder(PaperId.arxiv("2501.00001"), "T").attribute(raw, "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hf.count takes java.lang.Integer, not java.lang.String");
    assertThatThrownBy(() -> AttributeKey.of("bad name", String.class))
        .hasMessage("Invalid attribute name: 'bad name'");
  }

  @Test
  void digestPeriod_parsesAndRenders() {
    assertThat(DigestPeriod.parse("2025-10-03"))
        .isEqualTo(DigestPeriod.day(LocalDate.of(2025, 10, 3)));
    DigestPeriod w40 = DigestPeriod.parse("2025-W40");
    assertThat(w40.start()).isEqualTo(LocalDate.of(2025, 9, 29));
    assertThat(w40.end()).isEqualTo(LocalDate.of(2025, 10, 5));
    assertThat(w40).hasToString("2025-W40");
    assertThat(DigestPeriod.weekOf(LocalDate.of(2025, 10, 3))).isEqualTo(w40);
    assertThat(DigestPeriod.parse("2020-W53")).hasToString("2020-W53");
    assertThat(DigestPeriod.parse("2025-10")).isEqualTo(DigestPeriod.month(YearMonth.of(2025, 10)));
    assertThat(DigestPeriod.parse("2025-10").end()).isEqualTo(LocalDate.of(2025, 10, 31));
    assertThat(DigestPeriod.parse("latest")).isEqualTo(DigestPeriod.latest());
    assertThat(DigestPeriod.parse("2026-01-01").contains(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(DigestPeriod.parse("2025-W01").start()).isEqualTo(LocalDate.of(2024, 12, 30));
  }

  @Test
  void digestPeriod_rejectsMalformed() {
    for (String bad :
        List.of("2025-13", "2025-02-30", "2025-W54", "2021-W53", "yesterday", "2025/10/03")) {
      assertThatThrownBy(() -> DigestPeriod.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not a digest period: '" + bad + "'");
    }
    assertThatThrownBy(() -> DigestPeriod.parseWeek("2025-10"))
        .hasMessageContaining("Not an ISO week: '2025-10'");
    assertThatThrownBy(() -> new DigestPeriod(DigestPeriod.Kind.WEEK, LocalDate.of(2025, 10, 3)))
        .hasMessage("An ISO week starts on a Monday, not 2025-10-03");
  }

  @Test
  void anAttributeIsReadOnlyWithItsOwnType() {
    // keys are equal by name: a value stored under a text key must not come back as a date
    // (it used to, and failed with a ClassCastException where the caller used it)
    Paper p =
        Paper.builder(PaperId.arxiv("2510.02283"), "T")
            .source("s")
            .attribute(AttributeKey.of("x.day", String.class), "2025-10-03")
            .attribute(AttributeKey.ofList("x.tags", String.class), List.of("a", "b"))
            .build();
    assertThat(p.attribute(AttributeKey.of("x.day", String.class))).contains("2025-10-03");
    assertThat(p.attribute(AttributeKey.of("x.day", LocalDate.class))).isEmpty();
    assertThat(p.attribute(AttributeKey.ofList("x.tags", String.class)))
        .contains(List.of("a", "b"));
    assertThat(p.attribute(AttributeKey.ofList("x.tags", Integer.class))).isEmpty();
    assertThat(p.attribute(AttributeKey.of("x.tags", List.class))).isPresent();
  }

  @Test
  void linksAreParsedAsOkHttpWouldWhateverPathTheyTake() {
    for (String link :
        List.of(
            "http://arxiv.org/abs/2202.12139v1",
            "https://arxiv.org/pdf/2202.12139v1",
            "http://dx.doi.org/10.1109/ICSTW55395.2022.00035",
            "https://github.com/owner/repo/",
            "https://github.com/owner/repo.git",
            "  https://example.org/a/b  ",
            "https://Example.org/a",
            "https://example.org:443/a",
            "https://example.org/a/../b",
            "https://example.org/./b",
            "https://example.org/a b",
            "https://example.org/a?q=1#f",
            "https://example.org",
            "https://doi.org/10.1002/(SICI)1097-4636(199812)43:4<448::AID-JBM13>3.0.CO;2-7",
            "https://例え.jp/パス",
            "https://example.org//a",
            "https://example.org/a//b",
            "https://example.org/a/",
            "https://example.org/a/.b",
            "https://example.org/a.",
            "https://example..org/a",
            "https://.example.org/a",
            "https://example.org./a",
            "https://localhost/a",
            "http://arxiv.org/abs/hep-th/9901001v1")) {
      okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(link.strip());
      assertThat(Links.parse(link)).as(link).isEqualTo(url == null ? null : url.uri());
    }
    assertThat(Links.parse("javascript:alert(1)")).isNull();
    assertThat(Links.parse("/relative")).isNull();
    assertThat(Links.parse(null)).isNull();
  }

  @Test
  void newStyleArxivIdsReadWithoutPatternsAsWithThem() {
    assertThat(PaperId.arxiv("2505.09568v2")).isEqualTo(new PaperId("arxiv", "2505.09568", 2));
    assertThat(PaperId.arxiv("http://arxiv.org/abs/2202.12139v1"))
        .isEqualTo(new PaperId("arxiv", "2202.12139", 1));
    assertThat(PaperId.arxiv("https://arxiv.org/abs/0704.0001"))
        .isEqualTo(new PaperId("arxiv", "0704.0001", null));
    assertThat(PaperId.arxiv("https://arxiv.org/pdf/2505.09568v3.pdf"))
        .isEqualTo(new PaperId("arxiv", "2505.09568", 3));
    for (String bad :
        List.of(
            "1501.0001",
            "1412.00001",
            "2505.09568v0",
            "2505.09568v",
            "2513.00001",
            "2505.09568v1234567",
            "25a5.09568",
            "2505.0956x")) {
      assertThatThrownBy(() -> PaperId.arxiv(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}

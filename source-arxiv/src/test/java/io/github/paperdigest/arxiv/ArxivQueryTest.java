package io.github.paperdigest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ArxivQueryTest {

  @Test
  void termsQuotePhrasesAndLeaveWordsBare() {
    assertThat(ArxivQuery.title("transformer")).hasToString("ti:transformer");
    assertThat(ArxivQuery.title("attention is all")).hasToString("ti:\"attention is all\"");
    assertThat(ArxivQuery.author("del_maestro")).hasToString("au:del_maestro");
    assertThat(ArxivQuery.category("hep-th")).hasToString("cat:hep-th");
    assertThat(ArxivQuery.category("cs.CL")).hasToString("cat:cs.CL");
    assertThat(ArxivQuery.id("2104.12255")).hasToString("id:2104.12255");
    assertThat(ArxivQuery.abstractText("a:b")).hasToString("abs:\"a:b\"");
    assertThat(ArxivQuery.comment("say \"hi\"  there")).hasToString("co:\"say hi there\"");
    assertThat(ArxivQuery.all("AND")).hasToString("all:\"AND\"");
    assertThat(ArxivQuery.journalRef("Phys.Rev.A")).hasToString("jr:Phys.Rev.A");
    assertThat(ArxivQuery.reportNumber("CERN-TH-2001")).hasToString("rn:CERN-TH-2001");
    assertThatThrownBy(() -> ArxivQuery.title(" \" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ti");
  }

  @Test
  void groupsWhateverArxivPrecedenceCouldReadOtherwise() {
    ArxivQuery q =
        ArxivQuery.title("large language model")
            .and(ArxivQuery.category("cs.CL").or(ArxivQuery.category("cs.LG")))
            .andNot(ArxivQuery.abstractText("survey"));
    assertThat(q)
        .hasToString(
            "(ti:\"large language model\" AND (cat:cs.CL OR cat:cs.LG)) ANDNOT abs:survey");
    assertThat(ArxivQuery.all("a").and(ArxivQuery.all("b")).and(ArxivQuery.all("c")))
        .hasToString("all:a AND all:b AND all:c");
    assertThat(ArxivQuery.all("a").or(ArxivQuery.all("b")).and(ArxivQuery.all("c")))
        .hasToString("(all:a OR all:b) AND all:c");
    assertThat(ArxivQuery.anyOf(List.of(ArxivQuery.category("a"), ArxivQuery.category("b"))))
        .hasToString("cat:a OR cat:b");
    assertThat(ArxivQuery.raw("au:x OR au:y").and(ArxivQuery.title("z")))
        .hasToString("(au:x OR au:y) AND ti:z");
    assertThat(ArxivQuery.title("z").and(ArxivQuery.raw("au:x"))).hasToString("ti:z AND (au:x)");
    assertThat(ArxivQuery.all("x"))
        .isEqualTo(ArxivQuery.raw("all:x"))
        .hasSameHashCodeAs(ArxivQuery.raw("all:x"));
  }

  @Test
  void submissionRangesAreGmtMinutes() {
    assertThat(ArxivQuery.submittedBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)))
        .hasToString("submittedDate:[202501010000 TO 202506302359]");
    assertThat(
            ArxivQuery.submittedBetween(
                Instant.parse("2025-03-04T05:06:59Z"), Instant.parse("2025-03-04T07:00:00Z")))
        .hasToString("submittedDate:[202503040506 TO 202503040700]");
    assertThatThrownBy(
            () -> ArxivQuery.submittedBetween(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts after");
  }

  @Test
  void announceTypesParseEitherSpelling() {
    assertThat(AnnounceType.parse("replace-cross")).isEqualTo(AnnounceType.REPLACE_CROSS);
    assertThat(AnnounceType.parse("REPLACE_CROSS")).isEqualTo(AnnounceType.REPLACE_CROSS);
    assertThat(AnnounceType.NEW).hasToString("new");
    assertThatThrownBy(() -> AnnounceType.parse("old")).hasMessageContaining("replace-cross");
  }
}

package io.github.paperdigest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PapersTest {
  private static final AttributeKey<String> SUMMARY = AttributeKey.of("hf.aiSummary", String.class);
  private static final AttributeKey<String> LICENSE =
      AttributeKey.of("arxiv.license", String.class);
  private static final PaperId ID = PaperId.arxiv("2510.02283");

  /** What Hugging Face says of a paper: upvotes, a summary, code; no categories or version. */
  private static Paper hf() {
    return Paper.builder(ID, "Self-Forcing++")
        .abstractText("HF abstract.")
        .addAuthor(new Author("Justin Cui", List.of()))
        .published(Instant.parse("2025-10-02T00:00:00Z"))
        .links(
            Links.NONE
                .withAbstractPage(URI.create("https://huggingface.co/papers/2510.02283"))
                .withCode(URI.create("https://github.com/justincui03/Self-Forcing-Plus-Plus")))
        .metrics(new Metrics(42, 3, null))
        .attribute(SUMMARY, "Long videos.")
        .source("hf-daily")
        .build();
  }

  /** What arXiv says of it: categories, version 2, comment, journal, DOI, PDF, another title. */
  private static Paper arxiv() {
    return Paper.builder(ID.withVersion(2), "Self-Forcing++: Towards Minute-Scale Video")
        .abstractText("arXiv abstract.")
        .addAuthor(new Author("Justin Cui", List.of("UCLA")))
        .addAuthor(new Author("Jie Wu", List.of()))
        .published(Instant.parse("2025-10-02T17:55:42Z"))
        .updated(Instant.parse("2025-10-05T00:00:00Z"))
        .primaryCategory("cs.CV")
        .categories(List.of("cs.CV", "cs.AI"))
        .comment("preprint")
        .journalRef("J. Video 1 (2025)")
        .doi("10.1000/xyz")
        .links(
            Links.NONE
                .withAbstractPage(URI.create("https://arxiv.org/abs/2510.02283v2"))
                .withPdf(URI.create("https://arxiv.org/pdf/2510.02283v2")))
        .metrics(new Metrics(null, null, 7))
        .attribute(LICENSE, "CC-BY")
        .attribute(SUMMARY, "arXiv's own summary")
        .source("arxiv")
        .build();
  }

  @Test
  void thePrimaryKeepsWhatItSaysAndTheOtherFillsTheGaps() {
    Paper merged = Papers.merge(hf(), arxiv());

    assertThat(merged.id()).isEqualTo(ID);
    assertThat(merged.title()).isEqualTo("Self-Forcing++");
    assertThat(merged.source()).isEqualTo("hf-daily");
    assertThat(merged.abstractText()).isEqualTo("HF abstract.");
    assertThat(merged.authors()).extracting(Author::name).containsExactly("Justin Cui");
    assertThat(merged.published()).isEqualTo(Instant.parse("2025-10-02T00:00:00Z"));
    // newer facts win: the later update, the higher version
    assertThat(merged.updated()).isEqualTo(Instant.parse("2025-10-05T00:00:00Z"));
    assertThat(merged.version()).isEqualTo(2);
    assertThat(merged.primaryCategory()).isEqualTo("cs.CV");
    assertThat(merged.categories()).containsExactly("cs.CV", "cs.AI");
    assertThat(merged.comment()).isEqualTo("preprint");
    assertThat(merged.journalRef()).isEqualTo("J. Video 1 (2025)");
    assertThat(merged.doi()).isEqualTo("10.1000/xyz");
    assertThat(merged.links().abstractPage())
        .hasToString("https://huggingface.co/papers/2510.02283");
    assertThat(merged.links().pdf()).hasToString("https://arxiv.org/pdf/2510.02283v2");
    assertThat(merged.links().code()).isNotNull();
    assertThat(merged.metrics()).isEqualTo(new Metrics(42, 3, 7));
    assertThat(merged.attribute(SUMMARY)).contains("Long videos.");
    assertThat(merged.attribute(LICENSE)).contains("CC-BY");
  }

  @Test
  void emptyAbstractAndAuthorsAreFilledAndCategoriesUnited() {
    Paper bare = Paper.builder(ID, "T").categories(List.of("cs.LG", "cs.AI")).source("x").build();
    Paper merged = Papers.merge(bare, arxiv());
    assertThat(merged.abstractText()).isEqualTo("arXiv abstract.");
    assertThat(merged.authors()).hasSize(2);
    assertThat(merged.categories()).containsExactly("cs.LG", "cs.AI", "cs.CV");
    assertThat(Papers.merge(arxiv(), bare).version()).isEqualTo(2);
  }

  @Test
  void refusesTwoDifferentPapers() {
    Paper other = Paper.builder(PaperId.arxiv("2510.00001"), "Other").source("x").build();
    assertThatThrownBy(() -> Papers.merge(hf(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arxiv:2510.02283")
        .hasMessageContaining("arxiv:2510.00001");
  }

  @Test
  void listsAreDeduplicatedInFirstSeenOrderWithTheEarlierListPrimary() {
    Paper a = Paper.builder(PaperId.arxiv("2510.00001"), "A").source("arxiv").build();
    List<Paper> merged = Papers.merge(List.of(List.of(hf()), List.of(a, arxiv())));
    assertThat(merged).extracting(p -> p.id().value()).containsExactly("2510.02283", "2510.00001");
    assertThat(merged.get(0).source()).isEqualTo("hf-daily");
    assertThat(merged.get(0).categories()).containsExactly("cs.CV", "cs.AI");
  }

  @Test
  void sortsWithMissingValuesLastAndTiesInOrder() {
    Paper none = Paper.builder(PaperId.arxiv("2510.00009"), "no date").source("x").build();
    Paper old =
        Paper.builder(PaperId.arxiv("2510.00001"), "old")
            .published(Instant.parse("2025-01-01T00:00:00Z"))
            .metrics(new Metrics(5, null, null))
            .source("x")
            .build();
    Paper tie = old.toBuilder().id(PaperId.arxiv("2510.00002")).build();
    List<Paper> in = List.of(none, hf(), old, tie);

    assertThat(Papers.sorted(in, Sort.NEWEST))
        .extracting(p -> p.id().value())
        .containsExactly("2510.02283", "2510.00001", "2510.00002", "2510.00009");
    assertThat(Papers.sorted(in, Sort.OLDEST))
        .extracting(p -> p.id().value())
        .containsExactly("2510.00001", "2510.00002", "2510.02283", "2510.00009");
    assertThat(Papers.sorted(in, Sort.MOST_UPVOTED))
        .extracting(p -> p.id().value())
        .containsExactly("2510.02283", "2510.00001", "2510.00002", "2510.00009");
    assertThat(Papers.sorted(in, Sort.RELEVANCE)).isEqualTo(in);
  }
}

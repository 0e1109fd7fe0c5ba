package io.github.paperdigest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.AttributeKey;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.spi.Page;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pages through the fleet's bytes: equal when read back, a miss when another version wrote them.
 */
final class PageCodecTest {
  /** A plugin's record attribute, as hf-daily's authors are. */
  public record Handle(String name, boolean hidden, Integer followers) {}

  static final AttributeKey<String> SUMMARY = AttributeKey.of("x.summary", String.class);
  static final AttributeKey<LocalDate> DAY = AttributeKey.of("x.day", LocalDate.class);
  static final AttributeKey<Sort> SORT = AttributeKey.of("x.sort", Sort.class);
  static final AttributeKey<List<Handle>> HANDLES = AttributeKey.ofList("x.handles", Handle.class);
  static final AttributeKey<List<String>> WORDS = AttributeKey.ofList("x.words", String.class);
  static final AttributeKey<Instant> AT = AttributeKey.of("x.at", Instant.class);
  static final AttributeKey<Boolean> FLAG = AttributeKey.of("x.flag", Boolean.class);
  static final AttributeKey<Long> BIG = AttributeKey.of("x.big", Long.class);

  private final PageCodec codec = new PageCodec("1.2.3", getClass().getClassLoader());

  static Page page() {
    Paper full =
        Paper.builder(PaperId.arxiv("2510.02283"), "Self-Forcing++ — ünïcode")
            .version(2)
            .abstractText("An abstract.")
            .authors(List.of(new Author("Justin Cui", List.of("UCLA")), Author.of("Jie Wu")))
            .published(Instant.parse("2025-10-02T17:55:42Z"))
            .updated(Instant.parse("2025-10-05T00:00:00Z"))
            .primaryCategory("cs.CV")
            .categories(List.of("cs.CV", "cs.AI"))
            .links(
                Links.NONE
                    .withAbstractPage(URI.create("https://arxiv.org/abs/2510.02283"))
                    .withCode(URI.create("https://github.com/x/y")))
            .comment("c")
            .journalRef("j")
            .doi("10.1/x")
            .metrics(new Metrics(42, null, 7))
            .attribute(SUMMARY, "summary")
            .attribute(DAY, LocalDate.of(2025, 10, 3))
            .attribute(SORT, Sort.NEWEST)
            .attribute(HANDLES, List.of(new Handle("ada", false, 3), new Handle("bob", true, null)))
            .attribute(WORDS, List.of("a", "b"))
            .attribute(AT, Instant.parse("2025-10-03T00:00:00Z"))
            .attribute(FLAG, true)
            .attribute(BIG, 1L << 40)
            .source("hf-daily")
            .build();
    Paper bare = Paper.builder(PaperId.of("doi", "10.1/y"), "Bare").source("x").build();
    return new Page(List.of(full, bare), "next-token", 1234L, Duration.ofMinutes(5), true);
  }

  @Test
  void aPageReadsBackEqual() throws Exception {
    Instant at = Instant.parse("2025-10-03T08:00:00Z");
    byte[] bytes = codec.encode(page(), at);
    PageCodec.Decoded d = codec.decode(bytes);
    assertThat(d).isNotNull();
    assertThat(d.fetchedAt()).isEqualTo(at);
    assertThat(d.page()).isEqualTo(page());
    assertThat(d.page().papers().get(0).attribute(HANDLES))
        .contains(page().papers().get(0).attribute(HANDLES).orElseThrow());
  }

  @Test
  void bytesOfAnotherVersionOrBrokenOnesAreAMissNotAMisreadPage() throws Exception {
    byte[] bytes = codec.encode(page(), Instant.EPOCH);
    assertThat(new PageCodec("1.2.4", getClass().getClassLoader()).decode(bytes)).isNull();
    byte[] otherFormat = bytes.clone();
    otherFormat[7] = 9; // the format number
    assertThat(codec.decode(otherFormat)).isNull();
    assertThat(codec.decode(Arrays.copyOf(bytes, bytes.length / 2))).isNull();
    assertThat(codec.decode(new byte[0])).isNull();
    assertThat(codec.decode("garbage that is long enough".getBytes())).isNull();
  }

  @Test
  void aValueOfAnUnknownTypeMakesThePageUnshared() {
    AttributeKey<StringBuilder> odd = AttributeKey.of("x.odd", StringBuilder.class);
    Paper p =
        Paper.builder(PaperId.arxiv("2510.00001"), "t")
            .attribute(odd, new StringBuilder("x"))
            .source("x")
            .build();
    assertThatThrownBy(
            () ->
                codec.encode(
                    new Page(List.of(p), null, null, Duration.ofMinutes(1), false), Instant.EPOCH))
        .isInstanceOf(PageCodec.Unencodable.class);
  }

  @Test
  void fleetNamesAreStableAndDistinct() {
    ResultCache.Key a = new ResultCache.Key("arxiv", "page", List.of("x", 1));
    ResultCache.Key b = new ResultCache.Key("arxiv", "page", List.of("x", 2));
    assertThat(FleetCache.name(a))
        .isEqualTo(FleetCache.name(new ResultCache.Key("arxiv", "page", List.of("x", 1))));
    assertThat(FleetCache.name(a))
        .isNotEqualTo(FleetCache.name(b))
        .startsWith("paperdigest:1:arxiv:");
  }
}

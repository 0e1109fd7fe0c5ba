package io.github.paperdigest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.squareup.moshi.JsonReader;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Each format is read back by an independent reader (Rome, jbibtex, jsoup, Moshi), including papers
 * whose text tries to break out of it.
 */
final class RenderTest {
  private static final Instant FETCHED = Instant.parse("2025-10-03T09:00:00Z");

  /** Text that is markup, a field end or a LaTeX command in one format or another. */
  static final String HOSTILE =
      "Break <script>alert(1)</script> & \"quotes\" 'q' }, title = {x} @misc{y, "
          + "\\input{/etc/passwd} $x^2$ 50% #1 a_b ~ ]]> --> <!-- \uFFFE end";

  static Paper arxiv() {
    return Paper.builder(PaperId.arxiv("2510.02283v2"), "Self-Forcing++: Minute-Scale Video")
        .abstractText("We go long. Videos last minutes now. A third sentence. A fourth.")
        .authors(
            List.of(
                new Author("Justin Cui", List.of()),
                new Author("Jie Wu", List.of()),
                new Author("Sandy and Sons", List.of()),
                new Author("Lovelace, Ada", List.of())))
        .published(Instant.parse("2025-10-02T17:55:42Z"))
        .primaryCategory("cs.CV")
        .categories(List.of("cs.CV", "cs.AI"))
        .doi("10.48550/arXiv.2510.02283")
        .journalRef("J. Video 1 (2025)")
        .comment("preprint; code at github")
        .links(
            Links.NONE
                .withAbstractPage(URI.create("https://arxiv.org/abs/2510.02283v2"))
                .withPdf(URI.create("https://arxiv.org/pdf/2510.02283v2"))
                .withCode(URI.create("https://github.com/x/y?a=1&b=2")))
        .metrics(new Metrics(42, null, null))
        .source("arxiv")
        .build();
  }

  static Paper hostile() {
    return Paper.builder(PaperId.of("jsonl", "a/b c{d}"), HOSTILE)
        .abstractText(HOSTILE)
        .addAuthor(new Author(HOSTILE, List.of()))
        .categories(List.of("cs.<b>CL</b>"))
        .comment(HOSTILE)
        .doi("10.1/{x}\\y")
        .source("jsonl")
        .build();
  }

  private static String render(Format format, Paper... papers) throws IOException {
    StringWriter out = new StringWriter();
    format.writer().write(Listing.of("hf-daily 2025-10-03", List.of(papers), FETCHED), out);
    return out.toString();
  }

  @Test
  void atomIsAFeedRomeReadsWithEveryPaper() throws Exception {
    String xml = render(Format.ATOM, arxiv(), hostile());
    SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("hf-daily 2025-10-03");
    assertThat(feed.getUri()).startsWith("urn:uuid:");
    assertThat(feed.getPublishedDate().toInstant()).isEqualTo(FETCHED);
    assertThat(feed.getEntries()).hasSize(2);
    SyndEntry e = feed.getEntries().get(0);
    assertThat(e.getUri()).isEqualTo("https://arxiv.org/abs/2510.02283v2");
    assertThat(e.getTitle()).isEqualTo("Self-Forcing++: Minute-Scale Video");
    assertThat(e.getAuthors()).extracting(a -> a.getName()).contains("Justin Cui", "Lovelace, Ada");
    assertThat(e.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2025-10-02T17:55:42Z"));
    assertThat(e.getDescription().getValue()).startsWith("We go long.");
    assertThat(e.getCategories()).extracting(c -> c.getName()).containsExactly("cs.CV", "cs.AI");
    assertThat(e.getLinks())
        .extracting(SyndLink::getRel, SyndLink::getHref)
        .contains(
            org.assertj.core.groups.Tuple.tuple("alternate", "https://arxiv.org/abs/2510.02283v2"),
            org.assertj.core.groups.Tuple.tuple("related", "https://github.com/x/y?a=1&b=2"));
    SyndEntry h = feed.getEntries().get(1);
    assertThat(h.getUri()).isEqualTo("urn:paperdigest:jsonl:a%2Fb+c%7Bd%7D");
    assertThat(h.getTitle()).isEqualTo(HOSTILE.replace("\uFFFE", ""));
    assertThat(h.getUpdatedDate().toInstant()).isEqualTo(FETCHED); // no date: the listing's
  }

  @Test
  void bibtexIsWhatJbibtexReadsBackWithLatexDecodingToTheOriginalText() throws Exception {
    String bib = render(Format.BIBTEX, arxiv(), hostile(), arxiv());
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));

    Map<Key, BibTeXEntry> entries = db.getEntries();
    assertThat(entries.keySet())
        .extracting(Key::getValue)
        .containsExactly("arxiv2510.02283", "jsonlabcd", "arxiv2510.02283a");
    BibTeXEntry e = entries.get(new Key("arxiv2510.02283"));
    assertThat(e.getType().getValue()).isEqualTo("misc");
    assertThat(field(e, "eprint")).isEqualTo("2510.02283");
    assertThat(field(e, "archivePrefix")).isEqualTo("arXiv");
    assertThat(field(e, "primaryClass")).isEqualTo("cs.CV");
    assertThat(field(e, "doi")).isEqualTo("10.48550/arXiv.2510.02283");
    assertThat(field(e, "url")).isEqualTo("https://arxiv.org/abs/2510.02283v2");
    assertThat(field(e, "year")).isEqualTo("2025");
    assertThat(e.getField(new Key("month")).toUserString()).isEqualTo("October"); // the macro
    assertThat(latex(field(e, "title"))).isEqualTo("Self-Forcing++: Minute-Scale Video");
    assertThat(field(e, "author"))
        .isEqualTo("Justin Cui and Jie Wu and {Sandy and Sons} and {Lovelace, Ada}");

    BibTeXEntry h = entries.get(new Key("jsonlabcd"));
    assertThat(h.getFields().keySet())
        .extracting(Key::getValue)
        .containsExactly("title", "author", "doi", "note", "abstract"); // no injected field
    assertThat(latex(field(h, "title"))).isEqualTo(HOSTILE.replace("\uFFFE", ""));
    assertThat(field(h, "title")).doesNotContain("\\input");
    assertThat(field(h, "doi")).isEqualTo("10.1/xy");
  }

  @Test
  void cslJsonIsWhatMoshiReadsBack() throws IOException {
    String json = render(Format.CSL_JSON, arxiv(), hostile());
    List<?> items = (List<?>) JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();

    assertThat(items).hasSize(2);
    Map<?, ?> item = (Map<?, ?>) items.get(0);
    assertThat(item.get("id")).isEqualTo("arxiv:2510.02283");
    assertThat(item.get("type")).isEqualTo("article");
    assertThat(item.get("title")).isEqualTo("Self-Forcing++: Minute-Scale Video");
    assertThat((List<?>) item.get("author")).first().isEqualTo(Map.of("literal", "Justin Cui"));
    assertThat(item.get("issued"))
        .isEqualTo(Map.of("date-parts", List.of(List.of(2025.0, 10.0, 2.0))));
    assertThat(item.get("DOI")).isEqualTo("10.48550/arXiv.2510.02283");
    assertThat(item.get("URL")).isEqualTo("https://arxiv.org/abs/2510.02283v2");
    assertThat(item.get("number")).isEqualTo("2510.02283v2");
    assertThat(item.get("publisher")).isEqualTo("arXiv");
    assertThat(item.get("container-title")).isEqualTo("J. Video 1 (2025)");
    assertThat(((Map<?, ?>) items.get(1)).get("title")).isEqualTo(HOSTILE);
  }

  @Test
  void htmlIsSelfContainedAndPublishersTextStaysText() throws IOException {
    String html = render(Format.HTML, arxiv(), hostile());
    Document doc = Jsoup.parse(html);

    assertThat(doc.select("script, style, link, img, iframe")).isEmpty();
    assertThat(doc.title()).isEqualTo("hf-daily 2025-10-03");
    List<Element> papers = doc.select("div.paper");
    assertThat(papers).hasSize(2);
    Element first = papers.get(0);
    assertThat(first.selectFirst("h2 a").text()).isEqualTo("Self-Forcing++: Minute-Scale Video");
    assertThat(first.selectFirst("h2 a").attr("href"))
        .isEqualTo("https://arxiv.org/abs/2510.02283v2");
    assertThat(first.selectFirst("p").text())
        .isEqualTo("We go long. Videos last minutes now. A third sentence.");
    assertThat(first.select("p").last().text())
        .contains("4 authors", "Oct 2, 2025", "▲ 42", "Abstract", "PDF", "Code");
    assertThat(first.select("a[href]"))
        .extracting(a -> a.attr("href"))
        .allMatch(href -> href.startsWith("https://"))
        .contains("https://github.com/x/y?a=1&b=2");
    Element second = papers.get(1);
    assertThat(second.selectFirst("h2").text())
        .isEqualTo(HOSTILE.replace("\uFFFE", "").replaceAll(" +", " "));
    assertThat(second.select("*").stream().map(Element::tagName))
        .containsOnly("div", "h2", "p"); // no element came from the text
    for (Element el : doc.getAllElements()) {
      assertThat(el.attributes().asList())
          .allMatch(a -> !a.getKey().startsWith("on")); // no handler attribute
    }
  }

  @Test
  void textAndTableHaveNoControlCharacters() throws IOException {
    Paper evil =
        Paper.builder(PaperId.arxiv("2510.00001"), "Title \u001b[31mred\u001b[0m \u202eevil")
            .source("x")
            .build();
    for (Format f : List.of(Format.TEXT, Format.TABLE, Format.MARKDOWN)) {
      String out = render(f, evil, arxiv());
      assertThat(out.chars().filter(c -> c < 0x20 && c != '\n').count()).as(f.name()).isZero();
      assertThat(out).as(f.name()).doesNotContain("\u202e");
    }
    assertThat(render(Format.TEXT, arxiv()))
        .contains("1. Self-Forcing++: Minute-Scale Video")
        .contains("Justin Cui, Jie Wu, Sandy and Sons et al. (4 authors) · 2025-10-02 · ▲ 42")
        .contains("https://arxiv.org/abs/2510.02283v2");
  }

  @Test
  void jsonAndJsonlCarryEveryPaper() throws IOException {
    List<?> array =
        (List<?>)
            JsonReader.of(new Buffer().writeUtf8(render(Format.JSON, arxiv(), hostile())))
                .readJsonValue();
    assertThat(array).hasSize(2);
    List<Object> lines = new ArrayList<>();
    for (String line : render(Format.JSONL, arxiv(), hostile()).split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(JsonReader.of(new Buffer().writeUtf8(line)).readJsonValue());
      }
    }
    assertThat(lines).isEqualTo(array);
  }

  @Test
  void formatsAreNamedAsInTheCli() {
    assertThat(Format.parse("csl-json")).isEqualTo(Format.CSL_JSON);
    assertThat(Format.parse("ATOM")).isEqualTo(Format.ATOM);
    assertThat(Format.CSL_JSON.cliName()).isEqualTo("csl-json");
    assertThatThrownBy(() -> Format.parse("pdf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table, json, jsonl, markdown, atom, bibtex, csl-json, html, text");
  }

  private static String field(BibTeXEntry e, String name) {
    return e.getField(new Key(name)).toUserString();
  }

  /**
   * LaTeX source as the text it typesets, by jbibtex's LaTeX parser and printer, with LaTeX's own
   * typography (an apostrophe is a right quote, {@code --} an en dash) read back as typed.
   */
  private static String latex(String source) throws Exception {
    List<LaTeXObject> objects = new LaTeXParser().parse(source);
    return new LaTeXPrinter().print(objects).replace('\u2019', '\'').replace("\u2013", "--");
  }
}

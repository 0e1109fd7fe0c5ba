package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Atom feed of the arXiv query API, in the format served until 2025-08 (namespaces
 * declared on each element, hard-wrapped titles, {@code rel}/{@code title} on links) and the one
 * served since 2025-11, with the JDK's streaming StAX reader (see {@link Xml}): no tree of the
 * document is built, only the papers are kept. An entry without an id or title fails the page; any
 * other field that cannot be understood (a date that is not one, a count that is not one, a link
 * that is not http(s)) is dropped, logged at DEBUG, and the rest kept.
 */
final class AtomParser {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.arxiv");

  private AtomParser() {}

  /**
   * A page of the API's answer.
   *
   * @param papers the entries that describe a paper
   * @param entries how many {@code <entry>} elements the page had, blank ones included
   * @param totalResults {@code opensearch:totalResults}, or null if absent
   */
  record Feed(List<Paper> papers, int entries, @Nullable Long totalResults) {}

  static Feed parse(InputStream body, String url, int status) throws IOException {
    try (Xml.Document doc = Xml.open(body, url)) {
      String root = doc.root();
      if (!"feed".equals(root)) {
        throw new SourceParseException(
            Arxiv.ID,
            url,
            "document",
            "expected an Atom <feed>, found " + (root == null ? "none" : "<" + root + ">"),
            null);
      }
      List<Paper> papers = new ArrayList<>();
      int entries = 0;
      Long total = null;
      while (doc.nextChild()) {
        switch (doc.localName()) {
          case "entry" -> {
            Paper p = entry(doc, entries, url, status);
            entries++;
            if (p != null) {
              papers.add(p);
            }
          }
          case "totalResults" -> total = number(doc.text(), url);
          default -> doc.skip();
        }
      }
      doc.end();
      return new Feed(papers, entries, total);
    }
  }

  private static @Nullable Long number(String text, String url) {
    try {
      long n = Long.parseLong(text.strip());
      if (n < 0) {
        throw new NumberFormatException("negative");
      }
      return n;
    } catch (NumberFormatException e) {
      dropped(url, "opensearch:totalResults", "not a count", text);
      return null;
    }
  }

  /** The paper an entry describes; null for the blank entries arXiv sends for unknown ids. */
  static @Nullable Paper entry(Xml.Document doc, int index, String url, int status) {
    XMLStreamReader reader = doc.reader();
    String where = "entry[" + index + "]";
    String id = null;
    String title = null;
    String summary = "";
    Instant published = null;
    Instant updated = null;
    String primary = null;
    List<String> categories = new ArrayList<>();
    List<Author> authors = new ArrayList<>();
    Links links = Links.NONE;
    String comment = null;
    String journalRef = null;
    String doi = null;
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "id" -> id = doc.rawText().strip();
        case "title" -> title = doc.rawText(); // the model normalises it
        case "summary" -> summary = doc.rawText();
        case "published" -> published = instant(doc.text(), url, where + "/published");
        case "updated" -> updated = instant(doc.text(), url, where + "/updated");
        case "primary_category" -> {
          primary = doc.attribute("term");
          doc.skip();
        }
        case "category" -> {
          String term = doc.attribute("term").strip();
          if (!term.isEmpty() && !categories.contains(term)) {
            categories.add(term);
          }
          doc.skip();
        }
        case "author" -> {
          Author a = author(doc);
          if (a != null) {
            authors.add(a);
          }
        }
        case "link" -> {
          String href = "";
          String linkTitle = "";
          String type = "";
          String rel = "";
          for (int i = 0; i < reader.getAttributeCount(); i++) { // one pass over the attributes
            if (reader.getAttributeNamespace(i) == null
                || reader.getAttributeNamespace(i).isEmpty()) {
              switch (reader.getAttributeLocalName(i)) {
                case "href" -> href = reader.getAttributeValue(i);
                case "title" -> linkTitle = reader.getAttributeValue(i);
                case "type" -> type = reader.getAttributeValue(i);
                case "rel" -> rel = reader.getAttributeValue(i);
                default -> {}
              }
            }
          }
          links = link(links, href, linkTitle, type, rel);
          doc.skip();
        }
        case "comment" -> comment = doc.rawText();
        case "journal_ref" -> journalRef = doc.rawText();
        case "doi" -> doi = doc.text();
        default -> doc.skip();
      }
    }
    if ((id == null || id.isBlank()) && (title == null || title.isBlank())) {
      return null;
    }
    if (title != null
        && title.strip().equals("Error")
        && id != null
        && id.contains("/api/errors")) {
      throw new SourceHttpException(
          Arxiv.ID, status, url, summary.isBlank() ? "error" : Xml.collapse(summary));
    }
    if (id == null || id.isBlank()) {
      throw new SourceParseException(
          Arxiv.ID,
          url,
          where + "/id",
          "the entry titled '" + Xml.collapse(String.valueOf(title)) + "' has no id",
          null);
    }
    PaperId paperId;
    try {
      paperId = PaperId.arxiv(id);
    } catch (IllegalArgumentException e) {
      throw new SourceParseException(
          Arxiv.ID, url, where + "/id", "not an arXiv id: '" + id + "'", e);
    }
    if (title == null || title.isBlank()) {
      throw new SourceParseException(
          Arxiv.ID, url, where + "/title", "entry " + paperId + " has no title", null);
    }
    if (primary != null && !primary.isBlank()) {
      categories.remove(primary);
      categories.add(0, primary);
    }
    if (links.abstractPage() == null) {
      links =
          links.withAbstractPage(URI.create("https://arxiv.org/abs/" + paperId.versionedValue()));
    }
    return Paper.builder(paperId, title)
        .abstractText(summary)
        .authors(authors)
        .published(published)
        .updated(updated)
        .primaryCategory(primary)
        .categories(categories)
        .links(links)
        .comment(comment)
        .journalRef(journalRef)
        .doi(doi)
        .source(Arxiv.ID)
        .build();
  }

  private static @Nullable Author author(Xml.Document doc) {
    String name = null;
    List<String> affiliations = new ArrayList<>();
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "name" -> name = doc.rawText();
        case "affiliation" -> {
          String affiliation = doc.rawText();
          if (!affiliation.isBlank()) {
            affiliations.add(affiliation);
          }
        }
        default -> doc.skip();
      }
    }
    return name == null || name.isBlank() ? null : new Author(name, affiliations);
  }

  private static Links link(Links links, String href, String title, String type, String rel) {
    URI uri =
        Links.parse(href); // percent-encoded where the publisher left characters a URI cannot hold
    if (uri == null) {
      return links;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (title.equals("doi") || (uri.getHost() != null && uri.getHost().endsWith("doi.org"))) {
      return links.withDoi(uri);
    }
    if (title.equals("pdf") || type.equals("application/pdf") || path.startsWith("/pdf/")) {
      return links.withPdf(uri);
    }
    if (rel.equals("alternate") || path.startsWith("/abs/")) {
      return links.withAbstractPage(uri);
    }
    return links;
  }

  private static @Nullable Instant instant(String text, String url, String where) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      Instant fast = utc(t);
      return fast != null ? fast : java.time.OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      dropped(url, where, "not an ISO-8601 instant", t);
      return null;
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ssZ}, the form of every arXiv date, read without a formatter; null for
   * any other form (read by {@code OffsetDateTime.parse}) or an impossible date.
   */
  private static @Nullable Instant utc(String t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
          .toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // February 30th: the slow path says why
    }
  }

  /** The decimal number in {@code t} from {@code from} to {@code to}, or -1. */
  private static int digits(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Logs a field dropped because its value cannot be understood. */
  static void dropped(String url, String where, String why, String value) {
    LOG.log(
        System.Logger.Level.DEBUG,
        () ->
            Arxiv.ID
                + ": "
                + url
                + ": "
                + where
                + ": dropped, "
                + why
                + ": '"
                + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
                + "'");
  }

  /** arXiv's own message in an error feed (HTTP 400), or null. Never throws. */
  static @Nullable String errorMessage(String body) {
    try {
      org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(body, "", Parser.xmlParser());
      for (Element entry : doc.getElementsByTag("entry")) {
        Element summary = entry.getElementsByTag("summary").first();
        if (summary != null && !summary.text().isBlank()) {
          return summary.text();
        }
      }
    } catch (RuntimeException e) {
      // not XML: fall through
    }
    return null;
  }
}

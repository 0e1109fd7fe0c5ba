package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceParseException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads one answer of arXiv's OAI-PMH interface ({@code ListRecords} or {@code GetRecord}) in any
 * of the {@link OaiFormat}s, streaming, with the defences of {@link Xml}: no DTD, no entity
 * expanded. A record without an identifier or datestamp, or (unless deleted) without a title, fails
 * the page with its position; any other field that cannot be understood is left out.
 */
final class OaiParser {
  private static final String OAI_PREFIX = "oai:arXiv.org:";

  /** The longest resumption token taken. */
  static final int MAX_TOKEN = 4096;

  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

  private OaiParser() {}

  /**
   * A page of records.
   *
   * @param papers the records in order, deleted ones flagged {@link Arxiv#DELETED}
   * @param token the resumption token of the next page, or null on the last page
   * @param completeListSize how many records the whole list has, if arXiv says
   */
  record OaiPage(List<Paper> papers, @Nullable String token, @Nullable Long completeListSize) {}

  static OaiPage parse(InputStream body, String url) {
    try (Xml.Document doc = Xml.open(body, url)) {
      String root = doc.root();
      if (!"OAI-PMH".equals(root)) {
        throw new SourceParseException(
            Arxiv.ID,
            url,
            "document",
            "expected an <OAI-PMH> answer, found " + (root == null ? "none" : "<" + root + ">"),
            null);
      }
      OaiPage page = null;
      while (doc.nextChild()) {
        switch (doc.localName()) {
          case "error" -> {
            String code = doc.attribute("code");
            String message = doc.text();
            if (code.equals("noRecordsMatch")) {
              page = new OaiPage(List.of(), null, 0L);
            } else {
              throw new OaiPmhException(code.isEmpty() ? "error" : code, message, url);
            }
          }
          case "ListRecords", "GetRecord" -> page = records(doc, url);
          default -> doc.skip();
        }
      }
      doc.end();
      if (page == null) {
        throw new SourceParseException(
            Arxiv.ID, url, "OAI-PMH", "neither records nor an error in the answer", null);
      }
      return page;
    }
  }

  private static OaiPage records(Xml.Document doc, String url) {
    List<Paper> papers = new ArrayList<>();
    String token = null;
    Long size = null;
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "record" -> papers.add(record(doc, url, papers.size()));
        case "resumptionToken" -> {
          size = count(doc.attribute("completeListSize"));
          String t = doc.text();
          if (t.length() > MAX_TOKEN) {
            // it goes back in a URL and into the state file: arXiv's are a few dozen characters
            throw new SourceParseException(
                Arxiv.ID,
                url,
                "resumptionToken",
                "a token of " + t.length() + " characters, over " + MAX_TOKEN,
                null);
          }
          token = t.isEmpty() ? null : t; // an empty token ends the list
        }
        default -> doc.skip();
      }
    }
    return new OaiPage(papers, token, size);
  }

  private static Paper record(Xml.Document doc, String url, int index) {
    String where = "record[" + index + "]";
    Header header = null;
    Paper.Builder b = null;
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "header" -> header = header(doc, url, where);
        case "metadata" -> {
          // the header comes first: the links are made from its checked id
          Links links = header == null ? Links.NONE : links(header.id);
          while (doc.nextChild()) {
            b =
                switch (doc.localName()) {
                  case "arXiv" -> arxiv(doc, links);
                  case "arXivRaw" -> arxivRaw(doc, links);
                  case "dc" -> dublinCore(doc, links);
                  default -> {
                    doc.skip();
                    yield null;
                  }
                };
          }
        }
        default -> doc.skip();
      }
    }
    if (header == null) {
      throw new SourceParseException(Arxiv.ID, url, where, "a record without a header", null);
    }
    if (header.deleted || b == null) {
      if (!header.deleted) {
        throw new SourceParseException(
            Arxiv.ID,
            url,
            where,
            "record " + header.id + " has no metadata of a known format",
            null);
      }
      b = Paper.builder(header.id, header.id.value()).attribute(Arxiv.DELETED, true);
    }
    b.id(header.id)
        .source(Arxiv.ID)
        .attribute(Arxiv.DATESTAMP, header.datestamp)
        .attribute(Arxiv.SETS, header.sets);
    try {
      return b.build();
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new SourceParseException(
          Arxiv.ID, url, where, "record " + header.id + ": " + e.getMessage(), e);
    }
  }

  private record Header(PaperId id, LocalDate datestamp, List<String> sets, boolean deleted) {}

  private static Header header(Xml.Document doc, String url, String where) {
    boolean deleted = doc.attribute("status").equals("deleted");
    String identifier = null;
    LocalDate datestamp = null;
    List<String> sets = new ArrayList<>();
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "identifier" -> identifier = doc.text();
        case "datestamp" -> datestamp = day(doc.text());
        case "setSpec" -> {
          String set = doc.text();
          if (!set.isEmpty()) {
            sets.add(set);
          }
        }
        default -> doc.skip();
      }
    }
    if (identifier == null || !identifier.startsWith(OAI_PREFIX) || datestamp == null) {
      throw new SourceParseException(
          Arxiv.ID,
          url,
          where + ".header",
          "expected an identifier oai:arXiv.org:<id> and a datestamp, found "
              + identifier
              + " and "
              + datestamp,
          null);
    }
    PaperId id;
    try {
      id = PaperId.arxiv(identifier.substring(OAI_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new SourceParseException(
          Arxiv.ID, url, where + ".header.identifier", "not an arXiv id: " + identifier, e);
    }
    return new Header(id, datestamp, List.copyOf(sets), deleted);
  }

  /** {@code arXiv}: structured authors, created and updated days. */
  private static Paper.Builder arxiv(Xml.Document doc, Links links) {
    Paper.Builder b = Paper.builder();
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "title" -> b.title(doc.text());
        case "abstract" -> b.abstractText(doc.text());
        case "created" -> b.published(startOf(doc.text()));
        case "updated" -> b.updated(startOf(doc.text()));
        case "authors" -> {
          List<Author> authors = new ArrayList<>();
          while (doc.nextChild()) {
            if (doc.localName().equals("author")) {
              Author a = structuredAuthor(doc);
              if (a != null) {
                authors.add(a);
              }
            } else {
              doc.skip();
            }
          }
          b.authors(authors);
        }
        default -> links = common(doc, b, links);
      }
    }
    return b.links(links);
  }

  private static @Nullable Author structuredAuthor(Xml.Document doc) {
    String key = "";
    String fore = "";
    String suffix = "";
    List<String> affiliations = new ArrayList<>();
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "keyname" -> key = doc.text();
        case "forenames" -> fore = doc.text();
        case "suffix" -> suffix = doc.text();
        case "affiliation" -> affiliations.add(doc.text());
        default -> doc.skip();
      }
    }
    String name =
        String.join(" ", List.of(fore, key, suffix).stream().filter(s -> !s.isEmpty()).toList());
    return name.isBlank() ? null : new Author(name, affiliations);
  }

  /** {@code arXivRaw}: the version history, the submitter, authors in one string. */
  private static Paper.Builder arxivRaw(Xml.Document doc, Links links) {
    Paper.Builder b = Paper.builder();
    List<ArxivVersion> versions = new ArrayList<>();
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "title" -> b.title(doc.text());
        case "abstract" -> b.abstractText(doc.text());
        case "submitter" -> b.attribute(Arxiv.SUBMITTER, blankToNull(doc.text()));
        case "authors" -> b.authors(splitAuthors(doc.text()));
        case "version" -> {
          ArxivVersion v = version(doc);
          if (v != null) {
            versions.add(v);
          }
        }
        default -> links = common(doc, b, links);
      }
    }
    if (!versions.isEmpty()) {
      versions.sort((x, y) -> Integer.compare(x.version(), y.version()));
      ArxivVersion first = versions.get(0);
      ArxivVersion last = versions.get(versions.size() - 1);
      b.version(last.version())
          .published(first.submitted())
          .updated(versions.size() > 1 ? last.submitted() : null)
          .attribute(Arxiv.VERSIONS, versions);
    }
    return b.links(links);
  }

  private static @Nullable ArxivVersion version(Xml.Document doc) {
    String label = doc.attribute("version");
    Instant date = null;
    String size = null;
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "date" -> date = rfc1123(doc.text());
        case "size" -> size = blankToNull(doc.text());
        default -> doc.skip();
      }
    }
    if (date == null || !label.matches("v[1-9][0-9]{0,5}")) {
      return null; // a version that cannot be read is left out, the record kept
    }
    return new ArxivVersion(Integer.parseInt(label.substring(1)), date, size);
  }

  /** {@code oai_dc}: Dublin Core; creators are "Last, First". */
  private static Paper.Builder dublinCore(Xml.Document doc, Links links) {
    Paper.Builder b = Paper.builder();
    List<Author> authors = new ArrayList<>();
    boolean haveAbstract = false;
    Instant first = null;
    Instant last = null;
    while (doc.nextChild()) {
      switch (doc.localName()) {
        case "title" -> b.title(doc.text());
        case "creator" -> {
          String name = doc.text();
          int comma = name.indexOf(',');
          String display =
              comma < 0
                  ? name
                  : (name.substring(comma + 1).strip() + " " + name.substring(0, comma)).strip();
          if (!display.isBlank()) {
            authors.add(Author.of(display));
          }
        }
        case "description" -> {
          String text = doc.text();
          if (!haveAbstract && !text.startsWith("Comment:")) {
            b.abstractText(text);
            haveAbstract = true;
          } else if (text.startsWith("Comment:")) {
            b.comment(text.substring("Comment:".length()).strip());
          }
        }
        case "date" -> {
          Instant day = startOf(doc.text());
          if (day != null) {
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
          }
        }
        case "identifier" -> {
          String id = doc.text();
          if (id.startsWith("doi:")) {
            b.doi(id.substring(4)); // the abstract page is the header's id's
          }
        }
        default -> doc.skip();
      }
    }
    b.authors(authors).published(first).updated(last != null && !last.equals(first) ? last : null);
    return b.links(links);
  }

  /**
   * The abstract page and PDF of {@code id}, made from the id the header carries (checked as an
   * arXiv id) rather than from any text of the metadata.
   */
  private static Links links(PaperId id) {
    return Links.NONE
        .withAbstractPage(Links.parse("https://arxiv.org/abs/" + id.value()))
        .withPdf(Links.parse("https://arxiv.org/pdf/" + id.value()));
  }

  /** The elements {@code arXiv} and {@code arXivRaw} share; returns the links with theirs. */
  private static Links common(Xml.Document doc, Paper.Builder b, Links links) {
    switch (doc.localName()) {
      // "id" repeats the header's identifier, which was checked and made the links: skipped
      case "categories" -> {
        List<String> categories = List.of(doc.text().split(" ", -1));
        List<String> kept = categories.stream().filter(c -> !c.isBlank()).toList();
        b.categories(kept);
        if (!kept.isEmpty()) {
          b.primaryCategory(kept.get(0));
        }
      }
      case "comments" -> b.comment(doc.text());
      case "journal-ref" -> b.journalRef(doc.text());
      case "doi" -> {
        String text = doc.text();
        int space = text.indexOf(' ');
        String doi = space < 0 ? text : text.substring(0, space); // several DOIs: the first
        b.doi(doi);
        return links.withDoi(Links.parse("https://doi.org/" + doi));
      }
      case "license" -> b.attribute(Arxiv.LICENSE, blankToNull(doc.text()));
      default -> doc.skip();
    }
    return links;
  }

  /**
   * {@code "A, B and C"} as three authors; a comma inside parentheses (an affiliation) does not
   * split, and the parenthesised part becomes the author's affiliation.
   */
  static List<Author> splitAuthors(String text) {
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    String s = text.replaceAll("\\s+", " ");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      }
      if (depth == 0 && c == ',') {
        names.add(current.toString());
        current.setLength(0);
      } else if (depth == 0 && s.startsWith(" and ", i)) {
        names.add(current.toString());
        current.setLength(0);
        i += " and ".length() - 1;
      } else {
        current.append(c);
      }
    }
    names.add(current.toString());
    List<Author> authors = new ArrayList<>();
    for (String n : names) {
      String name = n.strip();
      List<String> affiliations = new ArrayList<>();
      int open = name.indexOf('(');
      if (open > 0 && name.endsWith(")")) {
        affiliations.add(name.substring(open + 1, name.length() - 1));
        name = name.substring(0, open).strip();
      }
      if (!name.isEmpty()) {
        authors.add(new Author(name, affiliations));
      }
    }
    return authors;
  }

  private static @Nullable LocalDate day(String text) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static @Nullable Instant startOf(String text) {
    LocalDate d = day(text);
    return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static @Nullable Instant rfc1123(String text) {
    try {
      return ZonedDateTime.parse(text, RFC_1123).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static @Nullable String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }

  private static @Nullable Long count(String text) {
    try {
      long n = Long.parseLong(text.strip());
      return n < 0 ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads a day's announcements of arXiv categories: the RSS feed ({@code rss.arxiv.org/rss/<cats>})
 * and, when that fails, the listing pages ({@code arxiv.org/list/<cat>/new}). An item without an id
 * or title fails the page; any other field that cannot be understood (a date, an announce type) is
 * dropped, logged at DEBUG, and the rest of the item kept.
 */
final class Announcements {
  private Announcements() {}

  /**
   * One announcement: its day (null when the feed names none, as on weekends) and its papers, each
   * with its {@link Arxiv#ANNOUNCE_TYPE}.
   */
  record Day(@Nullable LocalDate date, List<Paper> papers) {}

  private static final Pattern DESCRIPTION =
      Pattern.compile(
          "(?s)^\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:\\s*)?(.*)$");
  private static final Pattern CATEGORY_CODE = Pattern.compile("\\(([a-z-]+(?:\\.[A-Za-z-]+)?)\\)");
  private static final Pattern LISTING_DATE =
      Pattern.compile("(?i)listings? for\\s+(?:\\w+,\\s*)?(\\d{1,2}\\s+\\w+\\s+\\d{4})");
  private static final HttpUrl DOI_RESOLVER = HttpUrl.get("https://doi.org/");
  private static final DateTimeFormatter LISTING_DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  // ---- RSS --------------------------------------------------------------------------------------

  static Day rss(InputStream body, String url) throws IOException {
    Document doc = Jsoup.parse(body, "UTF-8", url, Parser.xmlParser());
    Xml.refuseDoctype(doc, url);
    Element channel = doc.selectFirst("rss > channel");
    if (channel == null) {
      throw new SourceParseException(
          Arxiv.ID,
          url,
          "rss/channel",
          "expected an RSS 2.0 document with a <channel>; the feed format may have changed",
          null);
    }
    LocalDate date = null;
    Element pubDate = child(channel, "pubDate");
    if (pubDate == null) {
      pubDate = child(channel, "lastBuildDate");
    }
    if (pubDate != null && !pubDate.text().isBlank()) {
      date = rfc1123(pubDate.text(), url, "rss/channel/" + pubDate.tagName());
    }
    List<Paper> papers = new ArrayList<>();
    int index = 0;
    for (Element item : channel.children()) {
      if (item.tagName().equals("item")) {
        papers.add(item(item, date, url, "item[" + index++ + "]"));
      }
    }
    return new Day(date, papers);
  }

  private static Paper item(
      Element item, @Nullable LocalDate channelDate, String url, String where) {
    String title = text(item, "title");
    String description = text(item, "description");
    String typeName = text(item, "arxiv:announce_type");
    String idText = null;
    String abstractText = description == null ? "" : description;
    if (description != null) {
      Matcher m = DESCRIPTION.matcher(description);
      if (m.matches()) {
        idText = m.group(1);
        typeName = typeName == null ? m.group(2) : typeName;
        abstractText = m.group(3);
      }
    }
    if (idText == null) {
      String guid = text(item, "guid");
      idText = guid != null ? guid.replaceFirst("^oai:arXiv\\.org:", "") : text(item, "link");
    }
    if (idText == null) {
      throw new SourceParseException(
          Arxiv.ID, url, where, "the item has no arXiv id (no description, guid or link)", null);
    }
    PaperId id = parseId(idText, url, where);
    if (title == null || title.isBlank()) {
      throw new SourceParseException(
          Arxiv.ID, url, where + "/title", "item " + id + " has no title", null);
    }
    AnnounceType type = null;
    if (typeName != null) {
      try {
        type = AnnounceType.parse(typeName);
      } catch (IllegalArgumentException e) {
        AtomParser.dropped(url, where + "/arxiv:announce_type", "not an announce type", typeName);
      }
    }
    List<String> categories = new ArrayList<>();
    for (Element c : item.children()) {
      if (c.tagName().equals("category")
          && !c.text().isBlank()
          && !categories.contains(c.text().strip())) {
        categories.add(c.text().strip());
      }
    }
    LocalDate announced = channelDate;
    String itemDate = text(item, "pubDate");
    if (itemDate != null) {
      LocalDate d = rfc1123(itemDate, url, where + "/pubDate");
      announced = d != null ? d : channelDate;
    }
    Links links =
        Links.NONE
            .withAbstractPage(URI.create("https://arxiv.org/abs/" + id.value()))
            .withPdf(URI.create("https://arxiv.org/pdf/" + id.versionedValue()));
    String doi = text(item, "arxiv:DOI");
    return Paper.builder(id, title)
        .abstractText(abstractText)
        .authors(creators(text(item, "dc:creator")))
        .primaryCategory(categories.isEmpty() ? null : categories.get(0))
        .categories(categories)
        .links(doi == null ? links : links.withDoi(doiLink(doi)))
        .doi(doi)
        .journalRef(text(item, "arxiv:journal_reference"))
        .source(Arxiv.ID)
        .attribute(Arxiv.ANNOUNCE_TYPE, type)
        .attribute(Arxiv.ANNOUNCED, announced)
        .attribute(Arxiv.LICENSE, text(item, "dc:rights"))
        .build();
  }

  private static final Pattern CREATOR_SEPARATOR = Pattern.compile(",\\s*|\\s+and\\s+");

  /** {@code dc:creator}: "A. One, B. Two and C. Three". */
  static List<Author> creators(@Nullable String text) {
    if (text == null) {
      return new ArrayList<>();
    }
    return CREATOR_SEPARATOR
        .splitAsStream(text)
        .filter(name -> !name.isBlank())
        .map(name -> Author.of(name.strip()))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static @Nullable Element child(Element parent, String tag) {
    for (Element c : parent.children()) {
      if (c.tagName().equals(tag)) {
        return c;
      }
    }
    return null;
  }

  private static @Nullable String text(Element parent, String tag) {
    Element c = child(parent, tag);
    return c == null || c.text().isBlank() ? null : c.text();
  }

  private static @Nullable LocalDate rfc1123(String text, String url, String where) {
    try {
      return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      AtomParser.dropped(url, where, "not an RFC 1123 date", text);
      return null;
    }
  }

  /**
   * The resolver link of a DOI, percent-encoded: DOIs may hold any printable character ({@code
   * 10.1002/(SICI)1097-4636(199812)43:4<448::AID-JBM13>3.0.CO;2-7}).
   */
  static URI doiLink(String doi) {
    return DOI_RESOLVER.newBuilder().addPathSegments(doi.strip()).build().uri();
  }

  private static PaperId parseId(String text, String url, String where) {
    try {
      return PaperId.arxiv(text.replaceFirst("(?i)^arXiv:", ""));
    } catch (IllegalArgumentException e) {
      throw new SourceParseException(Arxiv.ID, url, where, "not an arXiv id: '" + text + "'", e);
    }
  }

  // ---- listing pages ----------------------------------------------------------------------------

  /**
   * A listing page {@code /list/<category>/new}: sections (new submissions, cross-lists,
   * replacements) of {@code dt}/{@code dd} pairs in {@code dl#articles}.
   */
  static Day listing(InputStream body, String url, Set<String> requested) throws IOException {
    Document doc = Jsoup.parse(body, null, url);
    List<Element> lists = doc.select("dl#articles");
    if (lists.isEmpty()) {
      if (doc.selectFirst("#dlpage") != null) {
        return new Day(listingDate(doc, url), List.of());
      }
      throw new SourceParseException(
          Arxiv.ID,
          url,
          "dl#articles",
          "no listing (#dlpage or dl#articles) on the page; the page layout may have changed",
          null);
    }
    LocalDate date = listingDate(doc, url);
    List<Paper> papers = new ArrayList<>();
    String section = "new";
    int index = 0;
    for (Element e : doc.select("h3, dl#articles > dt")) {
      if (e.tagName().equals("h3")) {
        // section headings ("New submissions", "Cross submissions", "Replacement submissions");
        // other headings ("Showing new listings for ...") leave the section as it is
        String heading = e.text().toLowerCase(Locale.ROOT);
        if (heading.startsWith("new")
            || heading.startsWith("cross")
            || heading.startsWith("replace")) {
          section = heading;
        }
        continue;
      }
      Element dd = e.nextElementSibling();
      String where = "dl#articles dt[" + index++ + "]";
      if (dd == null || !dd.tagName().equals("dd")) {
        throw new SourceParseException(
            Arxiv.ID,
            url,
            where,
            "a <dt> without its <dd>; the page layout may have changed",
            null);
      }
      papers.add(listingEntry(e, dd, section, date, requested, url, where));
    }
    return new Day(date, papers);
  }

  private static @Nullable LocalDate listingDate(Document doc, String url) {
    for (Element e : doc.select("h3, .list-dateline")) {
      Matcher m = LISTING_DATE.matcher(e.text());
      if (m.find()) {
        try {
          return LocalDate.parse(m.group(1), LISTING_DAY);
        } catch (DateTimeParseException ex) {
          AtomParser.dropped(url, "listing date", "not a date", m.group(1));
          return null;
        }
      }
    }
    return null;
  }

  private static Paper listingEntry(
      Element dt,
      Element dd,
      String section,
      @Nullable LocalDate date,
      Set<String> requested,
      String url,
      String where) {
    Element abs = dt.selectFirst("a[title=Abstract], a[href*=/abs/]");
    if (abs == null) {
      throw new SourceParseException(
          Arxiv.ID, url, where, "no link to the abstract in the <dt>", null);
    }
    String idText =
        abs.text().isBlank() ? abs.attr("href").replaceFirst(".*/abs/", "") : abs.text();
    PaperId id = parseId(idText, url, where);
    String title = descriptorless(dd.selectFirst("div.list-title"));
    if (title == null) {
      throw new SourceParseException(
          Arxiv.ID, url, where + " div.list-title", "entry " + id + " has no title", null);
    }
    List<Author> authors = new ArrayList<>();
    Element authorList = dd.selectFirst("div.list-authors");
    if (authorList != null) {
      for (Element a : authorList.select("a")) {
        if (!a.text().isBlank()) {
          authors.add(Author.of(a.text()));
        }
      }
    }
    Set<String> categories = new LinkedHashSet<>();
    Element primarySubject = dd.selectFirst("div.list-subjects .primary-subject");
    if (primarySubject != null) {
      Matcher m = CATEGORY_CODE.matcher(primarySubject.text());
      if (m.find()) {
        categories.add(m.group(1));
      }
    }
    Element subjects = dd.selectFirst("div.list-subjects");
    if (subjects != null) {
      Matcher m = CATEGORY_CODE.matcher(subjects.text());
      while (m.find()) {
        categories.add(m.group(1));
      }
    }
    String primary = categories.isEmpty() ? null : categories.iterator().next();
    boolean home = primary == null || requested.contains(primary);
    AnnounceType type;
    if (section.startsWith("cross")) {
      type = AnnounceType.CROSS;
    } else if (section.startsWith("replace")) {
      type = home ? AnnounceType.REPLACE : AnnounceType.REPLACE_CROSS;
    } else {
      type = home ? AnnounceType.NEW : AnnounceType.CROSS;
    }
    Element abstractP = dd.selectFirst("p.mathjax");
    return Paper.builder(id, title)
        .abstractText(abstractP == null ? "" : abstractP.text())
        .authors(authors)
        .primaryCategory(primary)
        .categories(List.copyOf(categories))
        .comment(descriptorless(dd.selectFirst("div.list-comments")))
        .journalRef(descriptorless(dd.selectFirst("div.list-journal-ref")))
        .links(
            Links.NONE
                .withAbstractPage(URI.create("https://arxiv.org/abs/" + id.value()))
                .withPdf(URI.create("https://arxiv.org/pdf/" + id.value())))
        .source(Arxiv.ID)
        .attribute(Arxiv.ANNOUNCE_TYPE, type)
        .attribute(Arxiv.ANNOUNCED, date)
        .build();
  }

  /** The text of a listing field without its {@code span.descriptor} label ("Title:"). */
  private static @Nullable String descriptorless(@Nullable Element e) {
    if (e == null) {
      return null;
    }
    Element copy = e.clone();
    copy.select("span.descriptor").remove();
    String text = copy.text().strip();
    return text.isEmpty() ? null : text;
  }
}

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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
    try (Xml.Document doc = Xml.open(body, url)) {
      if (!"rss".equals(doc.root())) {
        throw noChannel(url);
      }
      Map<String, String> channel = null;
      List<Map<String, String>> items = new ArrayList<>();
      List<List<String>> itemCategories = new ArrayList<>();
      while (doc.nextChild()) {
        if (channel == null && doc.qualifiedName().equals("channel")) {
          channel = new HashMap<>();
          while (doc.nextChild()) {
            String name = doc.qualifiedName();
            if (name.equals("item")) {
              Map<String, String> item = new HashMap<>();
              List<String> categories = new ArrayList<>();
              readItem(doc, item, categories);
              items.add(item);
              itemCategories.add(categories);
            } else {
              channel.putIfAbsent(name, doc.text()); // the first of each, as the feed gives it
            }
          }
        } else {
          doc.skip();
        }
      }
      doc.end();
      if (channel == null) {
        throw noChannel(url);
      }
      LocalDate date = null;
      String dateTag = channel.containsKey("pubDate") ? "pubDate" : "lastBuildDate";
      String pubDate = channel.get(dateTag);
      if (pubDate != null && !pubDate.isBlank()) {
        date = rfc1123(pubDate, url, "rss/channel/" + dateTag);
      }
      List<Paper> papers = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        papers.add(item(items.get(i), itemCategories.get(i), date, url, "item[" + i + "]"));
      }
      return new Day(date, papers);
    }
  }

  private static SourceParseException noChannel(String url) {
    return new SourceParseException(
        Arxiv.ID,
        url,
        "rss/channel",
        "expected an RSS 2.0 document with a <channel>; the feed format may have changed",
        null);
  }

  /** The first text of each child of an {@code <item>}, and all its {@code <category>}s. */
  private static void readItem(
      Xml.Document doc, Map<String, String> item, List<String> categories) {
    while (doc.nextChild()) {
      String name = doc.qualifiedName();
      String text = doc.text();
      if (name.equals("category")) {
        if (!text.isBlank() && !categories.contains(text.strip())) {
          categories.add(text.strip());
        }
      } else {
        item.putIfAbsent(name, text);
      }
    }
  }

  private static Paper item(
      Map<String, String> item,
      List<String> categories,
      @Nullable LocalDate channelDate,
      String url,
      String where) {
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

  private static @Nullable String text(Map<String, String> item, String tag) {
    String text = item.get(tag);
    return text == null || text.isBlank() ? null : text;
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

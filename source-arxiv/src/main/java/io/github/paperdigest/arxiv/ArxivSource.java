package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.QuerySpec;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * arXiv. Searches and pages go to the query API ({@code search_query}, {@code id_list}, {@code
 * start}/{@code max_results}), read as Atom; digests are a day's announcements of categories, read
 * from the RSS feed or, when it fails, from the listing pages.
 */
final class ArxivSource implements PaperSource {
  /** arXiv answers no query beyond its 30,000th result. */
  static final int RESULT_CAP = 30_000;

  static final int MAX_PAGE_SIZE = 2_000;

  private static final ZoneId EASTERN = ZoneId.of("America/New_York");

  /** New announcements reach the API at about 20:00 US Eastern, Sunday to Thursday. */
  private static final LocalTime API_UPDATE = LocalTime.of(20, 30);

  /** The feeds are rebuilt at midnight US Eastern. */
  private static final LocalTime FEED_UPDATE = LocalTime.of(0, 30);

  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern CATEGORY = Pattern.compile("[a-z-]+(?:\\.[A-Za-z-]+)?");
  private static final Pattern WORD_OR_PHRASE = Pattern.compile("\"([^\"]+)\"|(\\S+)");
  private static final Set<AnnounceType> DEFAULT_TYPES =
      EnumSet.of(AnnounceType.NEW, AnnounceType.CROSS);

  static final ErrorDecoder ERRORS =
      (status, body) -> {
        String message = AtomParser.errorMessage(body);
        return message != null ? message : ErrorDecoder.PLAIN_TEXT.message(status, body);
      };

  private final SourceContext context;
  private final HttpUrl apiUrl;
  private final HttpUrl rssUrl;
  private final HttpUrl listingUrl;
  private final int pageSize;
  private final int emptyPageRetries;
  private final SourceCapabilities capabilities;
  private final OaiClient oai;

  ArxivSource(SourceContext context) {
    this.context = context;
    this.oai = new OaiClient(context);
    SourceConfig config = context.config();
    this.apiUrl = config.url("api-url", "https://export.arxiv.org/api/query");
    this.rssUrl = directory(config.url("rss-url", "https://rss.arxiv.org/rss/"));
    this.listingUrl = directory(config.url("listing-url", "https://arxiv.org/list/"));
    this.pageSize = config.integer("page-size", 100, 1, MAX_PAGE_SIZE); // arXiv's limit per request
    int lookupBatch = config.integer("lookup-batch", 100, 1, 500);
    this.emptyPageRetries = config.integer("empty-page-retries", 3, 0, 100);
    this.capabilities =
        SourceCapabilities.builder()
            .criteria(
                Criterion.TEXT,
                Criterion.TITLE,
                Criterion.AUTHOR,
                Criterion.CATEGORY,
                Criterion.DATE_RANGE,
                Criterion.IDS)
            .digestCriteria(Criterion.CATEGORY)
            .sorts(Sort.RELEVANCE, Sort.NEWEST, Sort.OLDEST)
            .periods(DigestPeriod.Kind.DAY, DigestPeriod.Kind.LATEST)
            .lookup(lookupBatch, PaperId.ARXIV)
            .lookupFreshness(Duration.ofHours(12))
            .options(Arxiv.QUERY, Arxiv.SORT_BY, Arxiv.SORT_ORDER, Arxiv.ANNOUNCE)
            .build();
  }

  /**
   * A base URL that path segments are appended to ({@code .../rss/} rather than {@code .../rss}).
   */
  private static HttpUrl directory(HttpUrl url) {
    List<String> segments = url.pathSegments();
    if (!segments.isEmpty() && !segments.get(segments.size() - 1).isEmpty()) {
      return url.newBuilder().addPathSegment("").build();
    }
    return url;
  }

  @Override
  public SourceCapabilities capabilities() {
    return capabilities;
  }

  // ---- checking ---------------------------------------------------------------------------------

  @Override
  public void check(QuerySpec q) {
    for (String category : q.categories()) {
      if (!CATEGORY.matcher(category).matches()) {
        throw new IllegalArgumentException(
            "Not an arXiv category: '" + category + "' (expected e.g. cs.CL or hep-th)");
      }
    }
    if (q.period() != null) {
      if (q.categories().isEmpty()) {
        throw new UnsupportedQueryException(
            Arxiv.ID,
            "PERIOD",
            "an arXiv digest is the announcement of categories: name one or more with category(\"cs.CL\")");
      }
      for (String option : List.of(Arxiv.QUERY, Arxiv.SORT_BY, Arxiv.SORT_ORDER)) {
        if (q.option(option) != null) {
          throw new UnsupportedQueryException(
              Arxiv.ID, "option '" + option + "'", "it applies to searches, not to announcements");
        }
      }
      announceTypes(q);
      return;
    }
    if (q.option(Arxiv.ANNOUNCE) != null) {
      throw new UnsupportedQueryException(
          Arxiv.ID,
          "option '" + Arxiv.ANNOUNCE + "'",
          "it applies to digests (announcements), not to searches");
    }
    if (q.text() == null
        && q.title() == null
        && q.authors().isEmpty()
        && q.categories().isEmpty()
        && q.from() == null
        && q.to() == null
        && q.ids().isEmpty()
        && q.option(Arxiv.QUERY) == null) {
      throw new UnsupportedQueryException(
          Arxiv.ID,
          "query",
          "arXiv needs something to search for: text, a title, an author, a category, a date range, ids or the "
              + Arxiv.QUERY
              + " option; for the day's new papers ask for a digest");
    }
    if (q.option(Arxiv.QUERY) != null && q.option(Arxiv.QUERY).isBlank()) {
      throw new IllegalArgumentException("Blank arXiv query option");
    }
    sortParameters(q);
  }

  private static Set<AnnounceType> announceTypes(QuerySpec q) {
    String option = q.option(Arxiv.ANNOUNCE);
    if (option == null) {
      return DEFAULT_TYPES;
    }
    Set<AnnounceType> types = EnumSet.noneOf(AnnounceType.class);
    for (String name : COMMA.splitAsStream(option).toList()) {
      if (!name.isBlank()) {
        types.add(AnnounceType.parse(name));
      }
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException(
          "The announce option names no type (expected e.g. new,cross)");
    }
    return types;
  }

  /** {@code [sortBy, sortOrder]}, either null for arXiv's default. */
  private static String[] sortParameters(QuerySpec q) {
    String by = null;
    String order = null;
    Sort sort = q.sort();
    if (sort != null) {
      switch (sort) {
        case RELEVANCE -> {
          by = "relevance";
          order = "descending";
        }
        case NEWEST -> {
          by = "submittedDate";
          order = "descending";
        }
        case OLDEST -> {
          by = "submittedDate";
          order = "ascending";
        }
        default ->
            throw new UnsupportedQueryException(Arxiv.ID, "sort " + sort, "arXiv does not sort so");
      }
    }
    String optionBy = q.option(Arxiv.SORT_BY);
    String optionOrder = q.option(Arxiv.SORT_ORDER);
    if ((optionBy != null || optionOrder != null) && sort != null) {
      throw new IllegalArgumentException(
          "Give either sortBy("
              + sort
              + ") or the options "
              + Arxiv.SORT_BY
              + "/"
              + Arxiv.SORT_ORDER
              + ", not both");
    }
    if (optionBy != null) {
      if (!List.of("relevance", "submittedDate", "lastUpdatedDate").contains(optionBy)) {
        throw new IllegalArgumentException(
            "arXiv sortBy must be relevance, submittedDate or lastUpdatedDate, not '"
                + optionBy
                + "'");
      }
      by = optionBy;
    }
    if (optionOrder != null) {
      if (!optionOrder.equals("ascending") && !optionOrder.equals("descending")) {
        throw new IllegalArgumentException(
            "arXiv sortOrder must be ascending or descending, not '" + optionOrder + "'");
      }
      order = optionOrder;
    }
    return new String[] {by, order};
  }

  // ---- search -----------------------------------------------------------------------------------

  @Override
  public Fetch<Page> fetchPage(PageRequest request) {
    QuerySpec q = request.query(); // checked by check(...) when the query was planned
    if (q.period() != null) {
      return digest(q);
    }
    int start = request.pageToken() == null ? 0 : Integer.parseInt(request.pageToken());
    int max = Math.min(pageSize, RESULT_CAP - start);
    if (request.pageSizeHint() > 0) {
      max = Math.min(max, request.pageSizeHint());
    }
    HttpUrl.Builder url = apiUrl.newBuilder();
    String searchQuery = searchQuery(q);
    if (searchQuery != null) {
      url.addQueryParameter("search_query", searchQuery);
    }
    if (!q.ids().isEmpty()) {
      url.addQueryParameter(
          "id_list",
          q.ids().stream().map(PaperId::versionedValue).collect(Collectors.joining(",")));
    }
    String[] sort = sortParameters(q);
    if (searchQuery != null || sort[0] != null || sort[1] != null) {
      // arXiv's defaults, spelled out: the same search is always the same URL
      url.addQueryParameter("sortBy", sort[0] != null ? sort[0] : "relevance");
      url.addQueryParameter("sortOrder", sort[1] != null ? sort[1] : "descending");
    }
    url.addQueryParameter("start", Integer.toString(start))
        .addQueryParameter("max_results", Integer.toString(max));
    return searchPage(url.build(), start, max, 0);
  }

  /** The query's criteria in arXiv's syntax, or null when it has none (ids only). */
  @Nullable String searchQuery(QuerySpec q) {
    List<ArxivQuery> parts = new ArrayList<>();
    if (q.text() != null) {
      parts.add(ArxivQuery.allOf(words(q.text(), ArxivQuery.Field.ALL)));
    }
    if (q.title() != null) {
      parts.add(ArxivQuery.allOf(words(q.title(), ArxivQuery.Field.TITLE)));
    }
    for (String author : q.authors()) {
      parts.add(ArxivQuery.author(author));
    }
    if (!q.categories().isEmpty()) {
      parts.add(ArxivQuery.anyOf(q.categories().stream().map(ArxivQuery::category).toList()));
    }
    if (q.from() != null || q.to() != null) {
      LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
      parts.add(
          ArxivQuery.submittedBetween(
              q.from() == null ? LocalDate.of(1991, 1, 1) : q.from(),
              q.to() == null ? today.plusDays(1) : q.to()));
    }
    if (q.option(Arxiv.QUERY) != null) {
      parts.add(ArxivQuery.raw(q.option(Arxiv.QUERY)));
    }
    return parts.isEmpty() ? null : ArxivQuery.allOf(parts).toString();
  }

  /** Free text as arXiv terms: each word, or each double-quoted phrase, must match. */
  private static List<ArxivQuery> words(String text, ArxivQuery.Field field) {
    List<ArxivQuery> terms = new ArrayList<>();
    Matcher m = WORD_OR_PHRASE.matcher(text);
    while (m.find()) {
      String part = m.group(1) != null ? m.group(1) : m.group(2);
      if (!part.replace('"', ' ').isBlank()) {
        terms.add(ArxivQuery.term(field, part));
      }
    }
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("No words to search for in '" + text + "'");
    }
    return terms;
  }

  private Fetch<Page> searchPage(HttpUrl url, int start, int max, int attempt) {
    Fetch<AtomParser.Feed> feed =
        context.fetch(
            atom(url), r -> AtomParser.parse(r.byteStream(), r.url().toString(), r.code()));
    return feed.then(
        f -> {
          Long total = f.totalResults();
          if (f.entries() == 0 && start > 0 && total != null && total > start) {
            // arXiv's manual: a page may come back empty by mistake; asking again usually helps.
            if (attempt < emptyPageRetries) {
              return searchPage(url, start, max, attempt + 1);
            }
            return Fetch.failed(
                new SourceUnavailableException(
                    Arxiv.ID,
                    url.toString(),
                    "arXiv answered an empty page at start="
                        + start
                        + " although it announced "
                        + total
                        + " results ("
                        + (attempt + 1)
                        + " attempts)",
                    null));
          }
          int next = start + f.entries();
          boolean more =
              f.entries() > 0
                  && next < RESULT_CAP
                  && (total != null ? next < total : f.entries() >= max);
          boolean truncated = !more && total != null && total > RESULT_CAP && next >= RESULT_CAP;
          return Fetch.of(
              new Page(
                  f.papers(),
                  more ? Integer.toString(next) : null,
                  total,
                  untilNext(API_UPDATE),
                  truncated));
        });
  }

  // ---- lookup -----------------------------------------------------------------------------------

  /** {@link OaiClient}: the OAI-PMH requests of {@link ArxivHarvest}. */
  @Override
  public <E> Optional<E> extension(Class<E> type) {
    return type == OaiClient.class ? Optional.of(type.cast(oai)) : Optional.empty();
  }

  @Override
  public Fetch<Page> lookup(List<PaperId> ids) {
    HttpUrl url =
        apiUrl
            .newBuilder()
            .addQueryParameter(
                "id_list",
                ids.stream().map(PaperId::versionedValue).collect(Collectors.joining(",")))
            .addQueryParameter("start", "0")
            .addQueryParameter("max_results", Integer.toString(ids.size()))
            .build();
    return context.fetch(
        atom(url),
        r -> {
          AtomParser.Feed feed = AtomParser.parse(r.byteStream(), r.url().toString(), r.code());
          return Page.last(feed.papers(), capabilities.lookupFreshness());
        });
  }

  // ---- digests ----------------------------------------------------------------------------------

  private Fetch<Page> digest(QuerySpec q) {
    DigestPeriod period = Objects.requireNonNull(q.period(), "digest without a period");
    Set<AnnounceType> types = announceTypes(q);
    Duration freshness = untilNext(FEED_UPDATE);
    LocalDate start = period.start();
    if (period.kind() == DigestPeriod.Kind.DAY && start != null) {
      DayOfWeek day = start.getDayOfWeek();
      if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
        return Fetch.of(Page.last(List.of(), Duration.ofDays(1)));
      }
    }
    List<String> categories = q.categories();
    HttpUrl feedUrl = rssUrl.newBuilder().addPathSegment(String.join("+", categories)).build();
    Fetch<Announcements.Day> feed =
        context.fetch(
            new Request.Builder()
                .url(feedUrl)
                .header("Accept", "application/rss+xml, application/xml;q=0.9")
                .build(),
            r -> Announcements.rss(r.byteStream(), r.url().toString()));
    Fetch<Announcements.Day> day = feed.recover(ArxivSource::feedFailed, e -> listings(categories));
    return day.map(d -> Page.last(select(d, period, types), freshness));
  }

  /**
   * Failures of the feed worth trying the listing pages for: every failure of the publisher. A feed
   * that is rate limited counts too: the listing pages are another origin, and a pause the feed
   * asked for does not hold for them.
   */
  private static boolean feedFailed(PaperDigestException e) {
    return e instanceof SourceHttpException
        || e instanceof SourceUnavailableException
        || e instanceof SourceParseException;
  }

  private Fetch<Announcements.Day> listings(List<String> categories) {
    Set<String> requested = new LinkedHashSet<>(categories);
    Fetch<List<Announcements.Day>> all = Fetch.of(List.of());
    for (String category : categories) {
      HttpUrl url = listingUrl.newBuilder().addPathSegment(category).addPathSegment("new").build();
      all =
          all.then(
              days ->
                  context.fetch(
                      new Request.Builder().url(url).header("Accept", "text/html").build(),
                      r -> {
                        List<Announcements.Day> more = new ArrayList<>(days);
                        more.add(
                            Announcements.listing(r.byteStream(), r.url().toString(), requested));
                        return more;
                      }));
    }
    return all.map(
        days -> {
          Map<PaperId, Paper> merged = new LinkedHashMap<>();
          LocalDate date = null;
          for (Announcements.Day d : days) {
            date = date == null ? d.date() : date;
            d.papers().forEach(p -> merged.putIfAbsent(p.id(), p));
          }
          return new Announcements.Day(date, List.copyOf(merged.values()));
        });
  }

  /** The papers of {@code day} that {@code period} and {@code types} ask for. */
  private static List<Paper> select(
      Announcements.Day day, DigestPeriod period, Set<AnnounceType> types) {
    LocalDate asked = period.start();
    LocalDate announced = day.date();
    if (period.kind() == DigestPeriod.Kind.DAY
        && asked != null
        && announced != null
        && !day.papers().isEmpty()) {
      if (asked.isBefore(announced)) {
        throw new UnsupportedQueryException(
            Arxiv.ID,
            "PERIOD " + asked,
            "arXiv's announcement feed holds only the latest announcement ("
                + announced
                + "); for earlier days search by submission date with since()/until()");
      }
      if (asked.isAfter(announced)) {
        return List.of();
      }
    }
    return day.papers().stream()
        .filter(p -> types.contains(p.attribute(Arxiv.ANNOUNCE_TYPE).orElse(AnnounceType.NEW)))
        .toList();
  }

  // ---- shared -----------------------------------------------------------------------------------

  private static Request atom(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Accept", "application/atom+xml, application/xml;q=0.9")
        .build();
  }

  /** How long until the next daily update at {@code at} US Eastern (at least a minute). */
  private Duration untilNext(LocalTime at) {
    Instant now = context.clock().instant();
    ZonedDateTime eastern = now.atZone(EASTERN);
    ZonedDateTime next = eastern.toLocalDate().atTime(at).atZone(EASTERN);
    if (!next.isAfter(eastern)) {
      next = next.plusDays(1);
    }
    Duration d = Duration.between(now, next.toInstant());
    return d.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : d;
  }

  @Override
  public String toString() {
    return "ArxivSource{" + apiUrl + ", " + rssUrl + ", " + listingUrl + "}";
  }
}

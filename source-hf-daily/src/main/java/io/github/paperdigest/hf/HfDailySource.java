package io.github.paperdigest.hf;

import com.squareup.moshi.JsonReader;
import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Metric;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.QuerySpec;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import io.github.paperdigest.spi.SourceResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Hugging Face Daily Papers. Digests come from {@code /api/daily_papers} (day, ISO week, month or
 * the latest list), read page by page ({@code p}, {@code limit}) until a short or empty page, so
 * that days of more than 50 papers and weeks come back whole. When that route answers 404 or 410,
 * or the query asks for it, the period's HTML page is read instead: its items are JSON in the
 * {@code data-props} attribute of {@code [data-target="DailyPapers"]}. Text search is {@code
 * /api/papers/search}; a paper by id is {@code /api/papers/{id}} plus the Hub repositories that
 * cite it ({@code /api/arxiv/{id}/repos}).
 */
final class HfDailySource implements PaperSource {
  private static final SourceCapabilities CAPABILITIES =
      SourceCapabilities.builder()
          .criteria(Criterion.TEXT)
          .digestCriteria()
          .periods(
              DigestPeriod.Kind.DAY,
              DigestPeriod.Kind.WEEK,
              DigestPeriod.Kind.MONTH,
              DigestPeriod.Kind.LATEST)
          .metrics(Metric.UPVOTES, Metric.COMMENTS, Metric.GITHUB_STARS)
          .lookup(1, PaperId.ARXIV)
          .lookupFreshness(Duration.ofHours(1))
          .options("submitter", "sort", "html")
          .build();

  /** HF answers errors as {@code {"error": "..."}}. */
  static final ErrorDecoder ERRORS =
      (status, body) -> {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body))) {
          if (reader.readJsonValue() instanceof Map<?, ?> m && m.get("error") instanceof String s) {
            return s;
          }
        } catch (IOException | RuntimeException e) {
          // not JSON: fall through to the plain text
        }
        return ErrorDecoder.PLAIN_TEXT.message(status, body);
      };

  private final SourceContext context;
  private final HttpUrl base;
  private final int pageSize;
  private final boolean htmlMode;
  private final boolean lookupRepos;
  private final @Nullable String token;
  private final Duration freshRecent;
  private final Duration freshSettling;
  private final Duration freshOld;
  private final HfReader reader;

  HfDailySource(SourceContext context) {
    this.context = context;
    SourceConfig config = context.config();
    this.base = config.url("base-url", "https://huggingface.co");
    this.pageSize = config.integer("page-size", 100, 1, 1000);
    String mode = config.string("mode", "api").toLowerCase(Locale.ROOT);
    if (!mode.equals("api") && !mode.equals("html")) {
      throw new SourceConfigurationException(
          HfDaily.ID, "setting mode must be api or html, not '" + mode + "'", null);
    }
    this.htmlMode = mode.equals("html");
    this.lookupRepos = config.bool("lookup-repos", true);
    this.token = config.secret("token", "HF_TOKEN").orElse(null);
    this.freshRecent = config.duration("fresh-recent", Duration.ofMinutes(5));
    this.freshSettling = config.duration("fresh-settling", Duration.ofHours(1));
    this.freshOld = config.duration("fresh-old", Duration.ofHours(6));
    this.reader = new HfReader(base);
  }

  @Override
  public SourceCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void check(QuerySpec q) {
    String sort = q.option("sort");
    if (sort != null && !sort.equals("trending") && !sort.equals("publishedAt")) {
      throw new IllegalArgumentException(
          "hf-daily sort must be trending or publishedAt, not '" + sort + "'");
    }
    String submitter = q.option("submitter");
    if (submitter != null && !submitter.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("Not a Hugging Face user name: '" + submitter + "'");
    }
  }

  @Override
  public Fetch<Page> fetchPage(PageRequest request) {
    QuerySpec q = request.query();
    String sort = q.option("sort");
    String submitter = q.option("submitter");
    if (q.period() == null && q.text() != null) {
      return search(q.text(), request.pageSizeHint());
    }
    DigestPeriod period = q.period() == null ? DigestPeriod.latest() : q.period();
    Duration freshness = freshness(period);
    if (htmlMode || "true".equals(q.option("html"))) {
      return html(period, sort).map(papers -> Page.last(papers, freshness));
    }
    int p = request.pageToken() == null ? 0 : Integer.parseInt(request.pageToken());
    HttpUrl.Builder url = base.newBuilder().addPathSegments("api/daily_papers");
    switch (period.kind()) {
      case DAY -> url.addQueryParameter("date", period.toString());
      case WEEK -> url.addQueryParameter("week", period.toString());
      case MONTH -> url.addQueryParameter("month", period.toString());
      case LATEST -> {}
    }
    if (submitter != null) {
      url.addQueryParameter("submitter", submitter);
    }
    if (sort != null) {
      url.addQueryParameter("sort", sort);
    }
    url.addQueryParameter("p", Integer.toString(p))
        .addQueryParameter("limit", Integer.toString(pageSize));
    Fetch<Page> api =
        context.fetch(
            request(url.build()),
            r -> {
              List<Paper> papers = reader.items(r.body(), r.url().toString());
              String next = papers.size() >= pageSize ? Integer.toString(p + 1) : null;
              return Page.of(papers, next, freshness);
            });
    if (p > 0) {
      return api;
    }
    return api.recover(
        HfDailySource::routeGone,
        e -> html(period, sort).map(papers -> Page.last(papers, freshness)));
  }

  private static boolean routeGone(PaperDigestException e) {
    return e instanceof SourceHttpException h && (h.status() == 404 || h.status() == 410);
  }

  private Fetch<Page> search(String text, int hint) {
    int limit = hint > 0 ? Math.min(hint, pageSize) : pageSize;
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("api/papers/search")
            .addQueryParameter("q", text)
            .addQueryParameter("limit", Integer.toString(limit))
            .build();
    return context.fetch(
        request(url), r -> Page.last(reader.items(r.body(), r.url().toString()), freshRecent));
  }

  private Fetch<List<Paper>> html(DigestPeriod period, @Nullable String sort) {
    HttpUrl.Builder url = base.newBuilder().addPathSegment("papers");
    switch (period.kind()) {
      case DAY -> url.addPathSegment("date").addPathSegment(period.toString());
      case WEEK -> url.addPathSegment("week").addPathSegment(period.toString());
      case MONTH -> url.addPathSegment("month").addPathSegment(period.toString());
      case LATEST -> {
        if ("trending".equals(sort)) {
          url.addPathSegment("trending");
        }
      }
    }
    return context.fetch(request(url.build()), this::parseHtml);
  }

  /** The papers embedded in a Daily Papers HTML page. */
  List<Paper> parseHtml(SourceResponse response) throws IOException {
    String url = response.url().toString();
    Document doc = Jsoup.parse(response.byteStream(), null, url);
    Element list = doc.selectFirst("[data-target=DailyPapers][data-props]");
    if (list == null) {
      throw new SourceParseException(
          HfDaily.ID,
          url,
          "HTML page",
          "no element [data-target=\"DailyPapers\"] with a data-props attribute; the page layout may have changed",
          null);
    }
    return reader.dailyPapersProp(new Buffer().writeUtf8(list.attr("data-props")), url);
  }

  @Override
  public Fetch<Page> lookup(List<PaperId> ids) {
    PaperId id = ids.get(0);
    HttpUrl url =
        base.newBuilder().addPathSegments("api/papers").addPathSegment(id.value()).build();
    Fetch<Optional<Paper>> paper =
        context
            .fetch(request(url), r -> Optional.of(reader.item(r.body(), r.url().toString())))
            .recover(
                e -> e instanceof SourceHttpException h && h.status() == 404,
                e -> Fetch.of(Optional.empty()));
    Fetch<Optional<Paper>> withRepos =
        !lookupRepos
            ? paper
            : paper.then(
                found -> {
                  if (found.isEmpty()) {
                    return Fetch.of(found);
                  }
                  HttpUrl reposUrl =
                      base.newBuilder()
                          .addPathSegments("api/arxiv")
                          .addPathSegment(id.value())
                          .addPathSegment("repos")
                          .build();
                  return context
                      .fetch(
                          request(reposUrl),
                          r ->
                              Optional.of(
                                  reader.withRepos(found.get(), r.body(), r.url().toString())))
                      .recover(
                          e -> e instanceof SourceHttpException h && h.status() == 404,
                          e -> Fetch.of(found));
                });
    return withRepos.map(
        found -> Page.last(found.map(List::of).orElse(List.of()), CAPABILITIES.lookupFreshness()));
  }

  private Request request(HttpUrl url) {
    Request.Builder b =
        new Request.Builder().url(url).header("Accept", "application/json, text/html;q=0.9");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  /** Recent lists keep changing (upvotes move all day); old ones are settled. */
  Duration freshness(DigestPeriod period) {
    LocalDate end = period.end();
    if (end == null) {
      return freshRecent;
    }
    LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
    if (!end.isBefore(today.minusDays(1))) {
      return freshRecent;
    }
    return end.isBefore(today.minusDays(14)) ? freshOld : freshSettling;
  }

  @Override
  public String toString() {
    return "HfDailySource{" + base + (token == null ? "" : ", token=<hidden>") + "}";
  }
}

package io.github.paperdigest.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Metric;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The test-only source {@code test}, registered in {@code src/test/resources/META-INF/services}. It
 * reads pages of JSON ({@code {"papers":[...],"next":"2"}}) from {@code base-url}; natively it
 * evaluates text and periods (day, latest) and sorts by relevance; it counts upvotes and looks up
 * arXiv ids three at a time. Freshness comes from the {@code X-Freshness} header (seconds).
 */
public final class TestSourceProvider implements PaperSourceProvider {
  @Override
  public String id() {
    return "test";
  }

  @Override
  public String description() {
    return "Test source serving JSON pages";
  }

  @Override
  public PaperSource create(SourceContext context) {
    return new TestSource(context);
  }

  static final class TestSource implements PaperSource {
    private final SourceContext context;
    private final HttpUrl base;
    private final JsonAdapter<Map<String, Object>> adapter;

    TestSource(SourceContext context) {
      this.context = context;
      this.base = context.config().url("base-url", "http://localhost:1/");
      this.adapter =
          context
              .moshi()
              .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    }

    @Override
    public SourceCapabilities capabilities() {
      return SourceCapabilities.builder()
          .criteria(Criterion.TEXT)
          .periods(DigestPeriod.Kind.DAY, DigestPeriod.Kind.LATEST)
          .sorts(Sort.RELEVANCE)
          .metrics(Metric.UPVOTES)
          .lookup(3, PaperId.ARXIV)
          .options("flavour")
          .build();
    }

    @Override
    public Fetch<Page> fetchPage(PageRequest request) {
      HttpUrl.Builder url = base.newBuilder().addPathSegment("papers");
      if (request.query().text() != null) url.addQueryParameter("q", request.query().text());
      if (request.query().period() != null)
        url.addQueryParameter("period", request.query().period().toString());
      if (request.query().sort() != null)
        url.addQueryParameter("sort", request.query().sort().name());
      if (request.query().option("flavour") != null)
        url.addQueryParameter("flavour", request.query().option("flavour"));
      if (request.pageToken() != null) url.addQueryParameter("page", request.pageToken());
      if (request.pageSizeHint() > 0)
        url.addQueryParameter("size", Integer.toString(request.pageSizeHint()));
      return context.fetch(
          new Request.Builder().url(url.build()).build(),
          response -> {
            Map<String, Object> json = adapter.fromJson(response.body());
            String freshness = response.headers().get("X-Freshness");
            return page(
                json,
                freshness == null
                    ? Duration.ofMinutes(10)
                    : Duration.ofSeconds(Long.parseLong(freshness)),
                response.url().toString());
          });
    }

    @Override
    public Fetch<Page> lookup(List<PaperId> ids) {
      HttpUrl url =
          base.newBuilder()
              .addPathSegment("lookup")
              .addQueryParameter(
                  "ids", String.join(",", ids.stream().map(PaperId::versionedValue).toList()))
              .build();
      return context.fetch(
          new Request.Builder().url(url).build(),
          response ->
              page(
                  adapter.fromJson(response.body()),
                  Duration.ofHours(1),
                  response.url().toString()));
    }

    @SuppressWarnings("unchecked")
    private Page page(Map<String, Object> json, Duration freshness, String url) {
      Object items = json.get("papers");
      if (!(items instanceof List<?> list)) {
        throw new SourceParseException("test", url, "$", "missing array 'papers'", null);
      }
      List<Paper> papers = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> p = (Map<String, Object>) list.get(i);
        Object id = p.get("id");
        Object title = p.get("title");
        if (id == null || title == null) {
          throw new SourceParseException(
              "test", url, "papers[" + i + "]", "missing field 'id' or 'title'", null);
        }
        Paper.Builder b = Paper.builder(PaperId.parse((String) id), (String) title).source("test");
        if (p.get("abstract") != null) b.abstractText((String) p.get("abstract"));
        if (p.get("authors") instanceof List<?> authors)
          authors.forEach(a -> b.addAuthor(Author.of((String) a)));
        if (p.get("categories") instanceof List<?> cats) b.categories((List<String>) cats);
        if (p.get("published") != null) b.published(Instant.parse((String) p.get("published")));
        if (p.get("upvotes") instanceof Number n) b.metrics(new Metrics(n.intValue(), null, null));
        papers.add(b.build());
      }
      Object next = json.get("next");
      return new Page(
          papers,
          next == null ? null : next.toString(),
          null,
          freshness,
          Boolean.TRUE.equals(json.get("truncated")));
    }
  }
}

package io.github.paperdigest.hf;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceParseException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Maps Hugging Face's JSON (already read into maps and lists) to {@link Paper}s, across every
 * schema generation the API has served since 2024: {@code mediaUrl} and {@code mediaUrls}, fields
 * absent in 2024, {@code submitterOrganization} and {@code organization}. Unknown fields are
 * ignored; a missing id or title fails with a parse error naming the field and the item. Any other
 * field whose value cannot be understood (a date that is not one, a link that is not http(s)) is
 * dropped, logged at DEBUG, and the rest of the item kept: one bad field never sinks a page.
 */
final class HfMapper {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.hf");

  /**
   * Before this day the top-level {@code publishedAt} was the time of submission to Daily Papers.
   */
  private static final Instant PUBLISHED_AT_CHANGED = Instant.parse("2025-03-01T00:00:00Z");

  private final HttpUrl base;

  HfMapper(HttpUrl base) {
    this.base = base;
  }

  /** The papers of a JSON array of daily-paper items (or bare paper objects). */
  List<Paper> items(@Nullable Object json, String url) {
    if (!(json instanceof List<?> list)) {
      throw new SourceParseException(
          HfDaily.ID, url, "$", "expected a JSON array of papers, found " + kind(json), null);
    }
    List<Paper> papers = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      papers.add(item(list.get(i), "item " + i, url));
    }
    return papers;
  }

  /** One daily-paper item, or a bare paper object as {@code /api/papers/{id}} returns it. */
  Paper item(@Nullable Object json, String where, String url) {
    Map<?, ?> item = map(json);
    if (item == null) {
      throw new SourceParseException(
          HfDaily.ID, url, where, "expected a JSON object, found " + kind(json), null);
    }
    Map<?, ?> nested = map(item.get("paper"));
    Map<?, ?> paper = nested != null ? nested : item;
    String prefix = nested != null ? "paper." : "";

    String id = string(paper.get("id"));
    if (id == null) {
      throw new SourceParseException(
          HfDaily.ID, url, where, "missing field '" + prefix + "id'", null);
    }
    String title = string(paper.get("title"));
    if (title == null) {
      title = string(item.get("title"));
    }
    if (title == null) {
      throw new SourceParseException(
          HfDaily.ID, url, where, "missing field '" + prefix + "title'", null);
    }
    PaperId paperId = paperId(id);
    Paper.Builder b = Paper.builder(paperId, title).source(HfDaily.ID);
    String summary = firstString(paper.get("summary"), item.get("summary"));
    if (summary != null) {
      b.abstractText(summary);
    }

    List<HfAuthor> hfAuthors = new ArrayList<>();
    if (paper.get("authors") instanceof List<?> authors) {
      for (Object a : authors) {
        Map<?, ?> author = map(a);
        String name = author == null ? null : string(author.get("name"));
        if (author == null || name == null) {
          continue;
        }
        b.addAuthor(Author.of(name));
        Map<?, ?> user = map(author.get("user"));
        hfAuthors.add(
            new HfAuthor(
                name,
                Boolean.TRUE.equals(author.get("hidden")),
                user == null ? null : string(user.get("user"))));
      }
    }
    b.attribute(HfDaily.AUTHORS, hfAuthors);

    b.published(instant(paper.get("publishedAt"), prefix + "publishedAt", where, url));
    Instant onDaily =
        instant(paper.get("submittedOnDailyAt"), prefix + "submittedOnDailyAt", where, url);
    if (onDaily == null && nested != null) {
      Instant listed = instant(item.get("publishedAt"), "publishedAt", where, url);
      if (listed != null && listed.isBefore(PUBLISHED_AT_CHANGED)) {
        onDaily = listed;
      }
    }
    if (onDaily != null) {
      b.attribute(HfDaily.DAILY_DATE, LocalDate.ofInstant(onDaily, ZoneOffset.UTC));
    }

    b.metrics(
        new Metrics(
            count(paper.get("upvotes")),
            count(item.get("numComments")),
            count(paper.get("githubStars"))));

    Links links =
        Links.NONE
            .withDiscussion(paperPage(id))
            .withCode(uri(firstString(paper.get("githubRepo"), item.get("githubRepo"))))
            .withProject(uri(firstString(paper.get("projectPage"), item.get("projectPage"))));
    if (paperId.isArxiv()) {
      links =
          links
              .withAbstractPage(uri("https://arxiv.org/abs/" + paperId.value()))
              .withPdf(uri("https://arxiv.org/pdf/" + paperId.value()));
    }
    b.links(links);

    b.attribute(HfDaily.AI_SUMMARY, firstString(paper.get("ai_summary"), item.get("ai_summary")));
    List<String> keywords = strings(paper.get("ai_keywords"));
    b.attribute(HfDaily.AI_KEYWORDS, keywords.isEmpty() ? null : keywords);
    b.attribute(
        HfDaily.ORGANIZATION,
        organization(
            paper.get("organization"),
            item.get("organization"),
            item.get("submitterOrganization")));
    Map<?, ?> submittedBy = map(item.get("submittedBy"));
    Map<?, ?> onDailyBy = map(paper.get("submittedOnDailyBy"));
    b.attribute(
        HfDaily.SUBMITTER,
        firstString(
            submittedBy == null ? null : submittedBy.get("name"),
            onDailyBy == null ? null : onDailyBy.get("user")));
    b.attribute(HfDaily.THUMBNAIL, string(item.get("thumbnail")));
    List<String> media = new ArrayList<>(strings(paper.get("mediaUrls")));
    if (media.isEmpty()) {
      media.addAll(strings(item.get("mediaUrls")));
    }
    String single = string(item.get("mediaUrl"));
    if (media.isEmpty() && single != null) {
      media.add(single);
    }
    b.attribute(HfDaily.MEDIA_URLS, media.isEmpty() ? null : media);
    return b.build();
  }

  /**
   * The paper's page on Hugging Face, {@code <base>/papers/<id>}; null for an id that would not
   * stay one path segment below {@code papers} (such as {@code ..}, which would link to the root).
   */
  private @Nullable URI paperPage(String id) {
    HttpUrl papers = base.newBuilder().addPathSegment("papers").build();
    HttpUrl url = papers.newBuilder().addPathSegment(id).build();
    if (url.pathSize() != papers.pathSize() + 1
        || !url.pathSegments().get(url.pathSize() - 1).equals(id)) {
      LOG.log(System.Logger.Level.DEBUG, () -> "hf-daily: no page link for the id '" + id + "'");
      return null;
    }
    return url.uri();
  }

  /**
   * The model, dataset and Space ids of an {@code /api/arxiv/{id}/repos} answer added to {@code
   * paper}.
   */
  Paper withRepos(Paper paper, @Nullable Object json, String url) {
    Map<?, ?> repos = map(json);
    if (repos == null) {
      throw new SourceParseException(
          HfDaily.ID,
          url,
          "$",
          "expected a JSON object of repositories, found " + kind(json),
          null);
    }
    return paper.toBuilder()
        .attribute(HfDaily.MODELS, repoIds(repos.get("models")))
        .attribute(HfDaily.DATASETS, repoIds(repos.get("datasets")))
        .attribute(HfDaily.SPACES, repoIds(repos.get("spaces")))
        .build();
  }

  private static List<String> repoIds(@Nullable Object list) {
    List<String> ids = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        Map<?, ?> repo = map(o);
        String id = repo == null ? null : string(repo.get("id"));
        if (id != null) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  private static PaperId paperId(String id) {
    try {
      return PaperId.arxiv(id);
    } catch (IllegalArgumentException e) {
      return PaperId.of("hf", id);
    }
  }

  private static @Nullable String organization(@Nullable Object... candidates) {
    for (Object c : candidates) {
      Map<?, ?> org = map(c);
      if (org != null) {
        String name = firstString(org.get("fullname"), org.get("name"));
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  private static @Nullable Instant instant(
      @Nullable Object value, String field, String where, String url) {
    String s = string(value);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          () ->
              "hf-daily: "
                  + url
                  + ": "
                  + where
                  + ": dropped field '"
                  + field
                  + "', not an ISO instant: '"
                  + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
                  + "'");
      return null;
    }
  }

  private static @Nullable Integer count(@Nullable Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d)) {
        return (int) d;
      }
    }
    return null;
  }

  /** An http(s) link, percent-encoded where needed; null for anything else. */
  private static @Nullable URI uri(@Nullable String s) {
    HttpUrl url = s == null ? null : HttpUrl.parse(s.strip());
    return url == null ? null : url.uri();
  }

  private static @Nullable Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : null;
  }

  private static @Nullable String string(@Nullable Object o) {
    return o instanceof String s && !s.isBlank() ? s : null;
  }

  private static @Nullable String firstString(@Nullable Object... candidates) {
    for (Object c : candidates) {
      String s = string(c);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static List<String> strings(@Nullable Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        String s = string(e);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  static String kind(@Nullable Object json) {
    if (json == null) {
      return "null";
    }
    if (json instanceof Map) {
      return "an object";
    }
    if (json instanceof List) {
      return "an array";
    }
    return json instanceof String ? "a string" : json instanceof Boolean ? "a boolean" : "a number";
  }
}

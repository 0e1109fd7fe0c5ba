package io.github.paperdigest.hf;

import com.squareup.moshi.JsonReader;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceParseException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads Hugging Face's JSON straight into {@link Paper}s with Moshi's streaming {@link JsonReader}:
 * the fields it needs are selected by name, everything else is skipped, and no map or list of the
 * document is ever built, so memory stays in proportion to the papers, not to the shape of the
 * bytes (a body of a million empty objects fails at the first, in constant memory).
 *
 * <p>Every schema generation the API has served since 2024 is read: {@code mediaUrl} and {@code
 * mediaUrls}, fields absent in 2024, {@code submitterOrganization} and {@code organization}, items
 * with a nested {@code paper} and bare paper objects. A field of the wrong type is skipped like an
 * unknown one; a missing id or title fails with a parse error at its JSON path ({@code
 * $[3].paper.id}). A field whose value cannot be understood (a date that is not one, a link that is
 * not http(s)) is dropped, logged at DEBUG, and the rest of the item kept: one bad field never
 * sinks a page.
 */
final class HfReader {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.hf");

  /**
   * Before this day the top-level {@code publishedAt} was the time of submission to Daily Papers.
   */
  private static final Instant PUBLISHED_AT_CHANGED = Instant.parse("2025-03-01T00:00:00Z");

  /**
   * An id that is one plain path segment (not {@code .} or {@code ..}): linked without encoding.
   */
  private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of(
          "paper", // 0
          "id", // 1
          "title", // 2
          "summary", // 3
          "authors", // 4
          "publishedAt", // 5
          "submittedOnDailyAt", // 6
          "upvotes", // 7
          "numComments", // 8
          "githubStars", // 9
          "githubRepo", // 10
          "projectPage", // 11
          "ai_summary", // 12
          "ai_keywords", // 13
          "organization", // 14
          "submitterOrganization", // 15
          "submittedBy", // 16
          "submittedOnDailyBy", // 17
          "thumbnail", // 18
          "mediaUrls", // 19
          "mediaUrl", // 20
          // names known to be skipped: matched without decoding them (a miss decodes the name)
          "discussionId",
          "isAuthorParticipating",
          "githubRepoAddedBy",
          "ai_summary_model");

  // each with the names known to be skipped after the ones read: see FIELDS
  private static final JsonReader.Options AUTHOR =
      JsonReader.Options.of("name", "hidden", "user", "_id", "status", "statusLastChangedAt");
  private static final JsonReader.Options ORGANIZATION =
      JsonReader.Options.of("fullname", "name", "_id", "avatar");
  private static final JsonReader.Options NAME =
      JsonReader.Options.of(
          "name",
          "_id",
          "avatarUrl",
          "fullname",
          "type",
          "isPro",
          "isHf",
          "isHfAdmin",
          "isMod",
          "followerCount",
          "isUserFollowing");
  private static final JsonReader.Options USER =
      JsonReader.Options.of("user", "_id", "avatarUrl", "isPro", "fullname", "type", "name");
  private static final JsonReader.Options ID = JsonReader.Options.of("id");
  private static final JsonReader.Options REPOS =
      JsonReader.Options.of("models", "datasets", "spaces");
  private static final JsonReader.Options PROPS = JsonReader.Options.of("dailyPapers");

  private final HttpUrl base;
  private final String papersPage;

  HfReader(HttpUrl base) {
    this.base = base;
    this.papersPage = base.newBuilder().addPathSegment("papers").build() + "/";
  }

  /** The papers of a body that is a JSON array of daily-paper items (or bare paper objects). */
  List<Paper> items(BufferedSource body, String url) throws IOException {
    try (JsonReader reader = JsonReader.of(body)) {
      List<Paper> papers = items(reader, "$", url);
      end(reader, url);
      return papers;
    }
  }

  /** The one paper of a body that is an item or a bare paper, as {@code /api/papers/{id}}. */
  Paper item(BufferedSource body, String url) throws IOException {
    try (JsonReader reader = JsonReader.of(body)) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw parseError(url, "$", "expected a JSON object, found " + kind(reader.peek()));
      }
      Paper paper = paper(read(reader), "$", url);
      end(reader, url);
      return paper;
    }
  }

  /** The papers in the {@code data-props} JSON of a Daily Papers HTML page. */
  List<Paper> dailyPapersProp(BufferedSource props, String url) throws IOException {
    try (JsonReader reader = JsonReader.of(props)) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw parseError(
            url,
            "data-props",
            "expected a JSON object with 'dailyPapers', found " + kind(reader.peek()));
      }
      List<Paper> papers = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(PROPS) == 0) {
          papers = items(reader, "data-props.dailyPapers", url);
        } else {
          reader.skipName();
          reader.skipValue();
        }
      }
      reader.endObject();
      if (papers == null) {
        throw parseError(
            url, "data-props", "expected a JSON object with 'dailyPapers', found none");
      }
      return papers;
    }
  }

  /**
   * {@code paper} with the model, dataset and Space ids of an {@code /api/arxiv/{id}/repos} body.
   */
  Paper withRepos(Paper paper, BufferedSource body, String url) throws IOException {
    try (JsonReader reader = JsonReader.of(body)) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw parseError(
            url, "$", "expected a JSON object of repositories, found " + kind(reader.peek()));
      }
      List<String> models = List.of();
      List<String> datasets = List.of();
      List<String> spaces = List.of();
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(REPOS);
        switch (index) {
          case 0 -> models = repoIds(reader);
          case 1 -> datasets = repoIds(reader);
          case 2 -> spaces = repoIds(reader);
          default -> skipField(reader, index);
        }
      }
      reader.endObject();
      end(reader, url);
      return paper.toBuilder()
          .attribute(HfDaily.MODELS, models)
          .attribute(HfDaily.DATASETS, datasets)
          .attribute(HfDaily.SPACES, spaces)
          .build();
    }
  }

  // ---- reading --------------------------------------------------------------------------------

  private List<Paper> items(JsonReader reader, String path, String url) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      throw parseError(url, path, "expected a JSON array of papers, found " + kind(reader.peek()));
    }
    List<Paper> papers = new ArrayList<>();
    reader.beginArray();
    for (int i = 0; reader.hasNext(); i++) {
      String at = path + "[" + i + "]";
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw parseError(url, at, "expected a JSON object, found " + kind(reader.peek()));
      }
      papers.add(paper(read(reader), at, url));
    }
    reader.endArray();
    return papers;
  }

  /** The fields of one JSON object (an item, or the paper inside it). */
  private static final class Fields {
    @Nullable Fields paper;
    @Nullable String id;
    @Nullable String title;
    @Nullable String summary;
    @Nullable List<HfAuthor> authors;
    @Nullable String publishedAt;
    @Nullable String submittedOnDailyAt;
    @Nullable Integer upvotes;
    @Nullable Integer numComments;
    @Nullable Integer githubStars;
    @Nullable String githubRepo;
    @Nullable String projectPage;
    @Nullable String aiSummary;
    @Nullable List<String> aiKeywords;
    @Nullable String organization;
    @Nullable String submitterOrganization;
    @Nullable String submittedByName;
    @Nullable String submittedOnDailyByUser;
    @Nullable String thumbnail;
    @Nullable List<String> mediaUrls;
    @Nullable String mediaUrl;
  }

  /** One object, the reader at its start: only the fields used are decoded. */
  private static Fields read(JsonReader reader) throws IOException {
    Fields f = new Fields();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(FIELDS);
      switch (index) {
        case 0 -> {
          if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
            f.paper = read(reader);
          } else {
            reader.skipValue();
          }
        }
        case 1 -> f.id = string(reader);
        // an item repeats its paper's title, abstract and links: when the paper came first (as
        // the API sends it), they are skipped rather than decoded a second time
        case 2 ->
            f.title = f.paper != null && f.paper.title != null ? skip(reader) : string(reader);
        case 3 ->
            f.summary = f.paper != null && f.paper.summary != null ? skip(reader) : string(reader);
        case 4 -> f.authors = authors(reader);
        case 5 -> f.publishedAt = string(reader);
        case 6 -> f.submittedOnDailyAt = string(reader);
        case 7 -> f.upvotes = count(reader);
        case 8 -> f.numComments = count(reader);
        case 9 -> f.githubStars = count(reader);
        case 10 ->
            f.githubRepo =
                f.paper != null && f.paper.githubRepo != null ? skip(reader) : string(reader);
        case 11 ->
            f.projectPage =
                f.paper != null && f.paper.projectPage != null ? skip(reader) : string(reader);
        case 12 ->
            f.aiSummary =
                f.paper != null && f.paper.aiSummary != null ? skip(reader) : string(reader);
        case 13 -> f.aiKeywords = strings(reader);
        case 14 -> f.organization = organization(reader);
        case 15 -> f.submitterOrganization = organization(reader);
        case 16 -> f.submittedByName = field(reader, NAME);
        case 17 -> f.submittedOnDailyByUser = field(reader, USER);
        case 18 -> f.thumbnail = string(reader);
        case 19 -> f.mediaUrls = strings(reader);
        case 20 -> f.mediaUrl = string(reader);
        default -> skipField(reader, index);
      }
    }
    reader.endObject();
    return f;
  }

  /**
   * Skips a field {@code selectName} did not read: its name too when it was not among the options
   * ({@code index} -1), only its value when it was one of the names known to be skipped.
   */
  private static void skipField(JsonReader reader, int index) throws IOException {
    if (index < 0) {
      reader.skipName();
    }
    reader.skipValue();
  }

  /** Skips the value; null. */
  private static @Nullable String skip(JsonReader reader) throws IOException {
    reader.skipValue();
    return null;
  }

  /** A non-blank string, or null (and the value skipped) for anything else. */
  private static @Nullable String string(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.STRING) {
      reader.skipValue();
      return null;
    }
    String s = reader.nextString();
    return s.isBlank() ? null : s;
  }

  /** A whole number from 0 to {@code Integer.MAX_VALUE}, or null. */
  private static @Nullable Integer count(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NUMBER) {
      reader.skipValue();
      return null;
    }
    double d = reader.nextDouble();
    return d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d) ? (int) d : null;
  }

  /** The non-blank strings of an array; empty for anything else. */
  private static List<String> strings(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      String s = string(reader);
      if (s != null) {
        out.add(s);
      }
    }
    reader.endArray();
    return out;
  }

  /** The string field {@code name} of an object, or null. */
  private static @Nullable String field(JsonReader reader, JsonReader.Options name)
      throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    String value = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(name);
      if (index == 0) {
        value = string(reader);
      } else {
        skipField(reader, index);
      }
    }
    reader.endObject();
    return value;
  }

  /** An organization's {@code fullname}, else its {@code name}, or null. */
  private static @Nullable String organization(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    String fullname = null;
    String name = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(ORGANIZATION);
      switch (index) {
        case 0 -> fullname = string(reader);
        case 1 -> name = string(reader);
        default -> skipField(reader, index);
      }
    }
    reader.endObject();
    return fullname != null ? fullname : name;
  }

  /** The authors that have a name; an array of anything else is empty. */
  private static List<HfAuthor> authors(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return List.of();
    }
    List<HfAuthor> out = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        continue;
      }
      String name = null;
      boolean hidden = false;
      String user = null;
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(AUTHOR);
        switch (index) {
          case 0 -> name = string(reader);
          case 1 -> {
            if (reader.peek() == JsonReader.Token.BOOLEAN) {
              hidden = reader.nextBoolean();
            } else {
              reader.skipValue();
            }
          }
          case 2 -> user = field(reader, USER);
          default -> skipField(reader, index);
        }
      }
      reader.endObject();
      if (name != null) {
        out.add(new HfAuthor(name, hidden, user));
      }
    }
    reader.endArray();
    return out;
  }

  private static List<String> repoIds(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      String id = field(reader, ID);
      if (id != null) {
        ids.add(id);
      }
    }
    reader.endArray();
    return ids;
  }

  private static void end(JsonReader reader, String url) throws IOException {
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw parseError(url, "$", "unexpected content after the JSON value");
    }
  }

  // ---- mapping --------------------------------------------------------------------------------

  /** The paper of one item: its nested {@code paper} first, the item's own fields as fallback. */
  private Paper paper(Fields item, String at, String url) {
    Fields nested = item.paper;
    Fields paper = nested != null ? nested : item;
    String prefix = nested != null ? at + ".paper" : at;
    String id = paper.id;
    if (id == null) {
      throw parseError(url, prefix + ".id", "missing, or not a non-blank string");
    }
    String title = paper.title != null ? paper.title : item.title;
    if (title == null) {
      throw parseError(url, prefix + ".title", "missing, or not a non-blank string");
    }
    PaperId paperId = paperId(id);
    Paper.Builder b = Paper.builder(paperId, title).source(HfDaily.ID);
    String summary = first(paper.summary, item.summary);
    if (summary != null) {
      b.abstractText(summary);
    }
    List<HfAuthor> hfAuthors = paper.authors == null ? List.of() : paper.authors;
    List<Author> authors = new ArrayList<>(hfAuthors.size());
    for (HfAuthor a : hfAuthors) {
      authors.add(Author.of(a.name()));
    }
    b.authors(authors).attribute(HfDaily.AUTHORS, hfAuthors);

    b.published(instant(paper.publishedAt, prefix + ".publishedAt", url));
    Instant onDaily = instant(paper.submittedOnDailyAt, prefix + ".submittedOnDailyAt", url);
    if (onDaily == null && nested != null) {
      Instant listed = instant(item.publishedAt, at + ".publishedAt", url);
      if (listed != null && listed.isBefore(PUBLISHED_AT_CHANGED)) {
        onDaily = listed;
      }
    }
    if (onDaily != null) {
      b.attribute(HfDaily.DAILY_DATE, LocalDate.ofInstant(onDaily, ZoneOffset.UTC));
    }

    b.metrics(new Metrics(paper.upvotes, item.numComments, paper.githubStars));

    Links links =
        Links.NONE
            .withDiscussion(paperPage(id))
            .withCode(Links.parse(first(paper.githubRepo, item.githubRepo)))
            .withProject(Links.parse(first(paper.projectPage, item.projectPage)));
    if (paperId.isArxiv()) {
      links =
          links
              .withAbstractPage(URI.create("https://arxiv.org/abs/" + paperId.value()))
              .withPdf(URI.create("https://arxiv.org/pdf/" + paperId.value()));
    }
    b.links(links);

    b.attribute(HfDaily.AI_SUMMARY, first(paper.aiSummary, item.aiSummary));
    List<String> keywords = paper.aiKeywords;
    b.attribute(HfDaily.AI_KEYWORDS, keywords == null || keywords.isEmpty() ? null : keywords);
    b.attribute(
        HfDaily.ORGANIZATION,
        first(paper.organization, first(item.organization, item.submitterOrganization)));
    b.attribute(HfDaily.SUBMITTER, first(item.submittedByName, paper.submittedOnDailyByUser));
    b.attribute(HfDaily.THUMBNAIL, item.thumbnail);
    List<String> media = paper.mediaUrls;
    if (media == null || media.isEmpty()) {
      media = item.mediaUrls;
    }
    if ((media == null || media.isEmpty()) && item.mediaUrl != null) {
      media = List.of(item.mediaUrl);
    }
    b.attribute(HfDaily.MEDIA_URLS, media == null || media.isEmpty() ? null : media);
    return b.build();
  }

  /**
   * The paper's page on Hugging Face, {@code <base>/papers/<id>}; null for an id that would not
   * stay one path segment below {@code papers} (such as {@code ..}, which would link to the root).
   */
  private @Nullable URI paperPage(String id) {
    if (PLAIN_SEGMENT.matcher(id).matches() && !id.equals("..")) {
      return URI.create(papersPage + id); // arXiv and HF ids: the fast, common case
    }
    HttpUrl papers = base.newBuilder().addPathSegment("papers").build();
    HttpUrl url = papers.newBuilder().addPathSegment(id).build();
    if (url.pathSize() != papers.pathSize() + 1
        || !url.pathSegments().get(url.pathSize() - 1).equals(id)) {
      LOG.log(System.Logger.Level.DEBUG, () -> "hf-daily: no page link for the id '" + id + "'");
      return null;
    }
    return url.uri();
  }

  private static PaperId paperId(String id) {
    try {
      return PaperId.arxiv(id);
    } catch (IllegalArgumentException e) {
      return PaperId.of("hf", id);
    }
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }

  private static @Nullable Instant instant(@Nullable String s, String path, String url) {
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
                  + ": dropped "
                  + path
                  + ", not an ISO instant: '"
                  + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
                  + "'");
      return null;
    }
  }

  private static SourceParseException parseError(String url, String where, String expected) {
    return new SourceParseException(HfDaily.ID, url, where, expected, null);
  }

  private static String kind(JsonReader.Token token) {
    return switch (token) {
      case BEGIN_OBJECT -> "an object";
      case BEGIN_ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "nothing";
    };
  }
}

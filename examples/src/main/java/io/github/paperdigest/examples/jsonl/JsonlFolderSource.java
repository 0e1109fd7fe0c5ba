package io.github.paperdigest.examples.jsonl;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.model.AttributeKey;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metric;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.QuerySpec;
import io.github.paperdigest.spi.SourceContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.BufferedSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Reads papers from {@code *.jsonl} files, in a local folder or in a folder on a web server.
 *
 * <p>Local folder: a digest of a day is the file of that day (none: an empty digest); the latest
 * digest is the newest day file; any other query reads every file, one page per file, and leaves
 * text, author and category filters to the core (this source evaluates none natively). Lookups scan
 * every file. Nothing is cached: the files may change at any time.
 *
 * <p>Web folder: only day digests, one request for the day's file through the core's HTTP layer; a
 * 404 is an empty digest.
 *
 * <p>Each line is a paper as the CLI writes it ({@code --format jsonl}), attributes included, so a
 * digest written, read back and written again is the same text.
 */
final class JsonlFolderSource implements PaperSource {
  static final String ID = "jsonl";
  private static final Duration WEB_FRESHNESS = Duration.ofMinutes(10);
  private static final JsonAdapter<Paper> PAPER = new PaperAdapter();

  private final SourceContext context;
  private final @Nullable Path dir;
  private final @Nullable HttpUrl url;

  JsonlFolderSource(SourceContext context, Path dir) {
    this.context = context;
    this.dir = dir;
    this.url = null;
  }

  JsonlFolderSource(SourceContext context, HttpUrl url) {
    this.context = context;
    this.dir = null;
    // a folder: resolve files against it, so its path ends with a slash
    this.url = url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
  }

  // guide:capabilities
  @Override
  public SourceCapabilities capabilities() {
    SourceCapabilities.Builder caps =
        SourceCapabilities.builder()
            // the papers carry upvotes, comments and stars: the core may filter and sort by them
            .metrics(Metric.UPVOTES, Metric.COMMENTS, Metric.GITHUB_STARS);
    if (url != null) {
      return caps.periods(DigestPeriod.Kind.DAY).build(); // a web folder: one file per day
    }
    return caps.periods(DigestPeriod.Kind.DAY, DigestPeriod.Kind.LATEST)
        .lookup(100, PaperId.ARXIV) // up to 100 ids per lookup, arXiv ids only
        .lookupFreshness(Duration.ZERO) // files change at any time: never cache a lookup
        .build();
  }

  // guide:end

  // guide:check
  @Override
  public void check(QuerySpec query) {
    if (url != null && (query.period() == null || query.period().start() == null)) {
      throw new UnsupportedQueryException(
          ID, "a query without a day", "a web folder has the files of days only: use on(date)");
    }
  }

  // guide:end

  // guide:fetch-page
  @Override
  public Fetch<Page> fetchPage(PageRequest request) {
    QuerySpec query = request.query(); // only the criteria this source declared native
    HttpUrl folder = url;
    if (folder == null) {
      return Fetch.supplying(ID, () -> fromFolder(request)); // local files: no HTTP
    }
    LocalDate day = day(query); // check() let only day digests through
    HttpUrl file = folder.resolve(day + ".jsonl");
    if (file == null) {
      throw new IllegalStateException("cannot resolve a file in " + folder);
    }
    Request get = new Request.Builder().url(file).build();
    return context
        .fetch(get, response -> Page.last(parse(response.body(), file.toString()), WEB_FRESHNESS))
        // no file for the day is an empty digest, not an error
        .recover(
            e -> e instanceof SourceHttpException http && http.status() == 404,
            e -> Fetch.of(Page.last(List.of(), WEB_FRESHNESS)));
  }

  // guide:end

  private static LocalDate day(QuerySpec query) {
    DigestPeriod period = query.period();
    LocalDate start = period == null ? null : period.start();
    if (start == null) {
      throw new UnsupportedQueryException(ID, "a query without a day", "use on(date)");
    }
    return start;
  }

  @Override
  public Fetch<Page> lookup(List<PaperId> ids) {
    return Fetch.supplying(
        ID,
        () -> {
          Set<PaperId> wanted = new HashSet<>();
          ids.forEach(id -> wanted.add(id.unversioned()));
          List<Paper> found = new ArrayList<>();
          for (Path file : files()) {
            read(file).stream().filter(p -> wanted.remove(p.id())).forEach(found::add);
          }
          return Page.last(found, Duration.ZERO);
        });
  }

  private Page fromFolder(PageRequest request) {
    DigestPeriod period = request.query().period();
    List<Path> files = files(); // fails if there is no folder
    LocalDate start = period == null ? null : period.start();
    if (start != null && dir != null) {
      Path day = dir.resolve(start + ".jsonl");
      return Page.last(Files.isRegularFile(day) ? read(day) : List.of(), Duration.ZERO);
    }
    if (period != null) { // the latest day
      List<Path> days =
          files.stream()
              .filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.jsonl"))
              .toList();
      return Page.last(days.isEmpty() ? List.of() : read(days.get(days.size() - 1)), Duration.ZERO);
    }
    String token = request.pageToken(); // null for the first page, then what the last page said
    int index = token == null ? 0 : Integer.parseInt(token);
    if (index >= files.size()) {
      return Page.last(List.of(), Duration.ZERO);
    }
    String next = index + 1 < files.size() ? Integer.toString(index + 1) : null;
    return Page.of(read(files.get(index)), next, Duration.ZERO);
  }

  /** The {@code .jsonl} files of the folder, in name order (day files in date order). */
  private List<Path> files() {
    Path folder = dir;
    if (folder == null || !Files.isDirectory(folder)) {
      String shown = folder == null ? "(none)" : folder.toAbsolutePath().toString();
      throw new SourceUnavailableException(
          ID, null, "no folder " + shown + " (set it with -Dpaperdigest.jsonl.dir=...)", null);
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new SourceUnavailableException(
          ID, folder.toUri().toString(), "cannot list " + folder + ": " + e, e);
    }
  }

  private List<Paper> read(Path file) {
    String where = file.toUri().toString();
    try (BufferedSource in = Okio.buffer(Okio.source(file))) {
      return parse(in, where);
    } catch (IOException e) {
      throw new SourceUnavailableException(ID, where, "cannot read " + file + ": " + e, e);
    }
  }

  // guide:parse
  /** The papers of a JSON Lines body, one per non-blank line. */
  private List<Paper> parse(BufferedSource body, String where) throws IOException {
    List<Paper> papers = new ArrayList<>();
    int number = 0;
    for (String line = body.readUtf8Line(); line != null; line = body.readUtf8Line()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        papers.add(PAPER.fromJson(line));
      } catch (JsonDataException | JsonEncodingException e) {
        // where (the URL or file, then the line and the JSON path) and what was expected there
        throw new SourceParseException(
            ID, where, "line " + number, String.valueOf(e.getMessage()), e);
      }
    }
    return papers;
  }

  /**
   * A paper as the CLI writes it, read with Moshi's streaming reader: fields selected by name,
   * anything else skipped, no map of the line built. A field that cannot be read is left out, not
   * the paper; a line without an id and a title fails.
   */
  static final class PaperAdapter extends JsonAdapter<Paper> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of(
            "id",
            "version",
            "title",
            "abstract",
            "authors",
            "published",
            "updated",
            "primaryCategory",
            "categories",
            "links",
            "upvotes",
            "comments",
            "githubStars",
            "comment",
            "journalRef",
            "doi",
            "attributes");

    @Override
    public Paper fromJson(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new JsonDataException("a JSON object");
      }
      String id = null;
      String title = null;
      Paper.Builder paper = Paper.builder().source(ID); // id and title come in any order
      Integer upvotes = null;
      Integer comments = null;
      Integer stars = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> id = text(reader);
          case 1 -> {
            Integer version = integer(reader);
            paper.version(version != null && version > 0 ? version : null);
          }
          case 2 -> title = text(reader);
          case 3 -> paper.abstractText(orEmpty(text(reader)));
          case 4 -> paper.authors(authors(reader));
          case 5 -> paper.published(instant(text(reader)));
          case 6 -> paper.updated(instant(text(reader)));
          case 7 -> paper.primaryCategory(text(reader));
          case 8 -> paper.categories(texts(reader));
          case 9 -> paper.links(links(reader));
          case 10 -> upvotes = integer(reader);
          case 11 -> comments = integer(reader);
          case 12 -> stars = integer(reader);
          case 13 -> paper.comment(text(reader));
          case 14 -> paper.journalRef(text(reader));
          case 15 -> paper.doi(text(reader));
          case 16 -> attributes(reader, paper);
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      if (id == null || title == null) {
        throw new JsonDataException("a paper with \"id\" and \"title\"");
      }
      try {
        paper.id(PaperId.parse(id));
      } catch (IllegalArgumentException e) {
        throw new JsonDataException("a paper id at " + reader.getPath() + ".id, not '" + id + "'");
      }
      return paper.title(title).metrics(new Metrics(upvotes, comments, stars)).build();
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Paper paper) {
      throw new UnsupportedOperationException("the jsonl source only reads papers");
    }
  }

  // guide:end

  /**
   * Keeps an attribute as the JSON value it was written as, under a key typed by that value (text,
   * boolean, whole number, number, list, object), so that writing the paper again gives the same
   * JSON. {@link Paper#attribute} answers only keys of the type stored, so reading {@code
   * hf.submitter} with hf-daily's record-typed key finds nothing here rather than failing.
   */
  private static void attribute(Paper.Builder paper, String name, @Nullable Object value) {
    if (value == null) {
      return;
    }
    Object v = value;
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      v = d.longValue(); // JSON has one number type; whole numbers are written back without ".0"
    }
    Class<?> type = v instanceof Map ? Map.class : v instanceof List ? List.class : v.getClass();
    try {
      set(paper, AttributeKey.of(name, type), frozen(v));
    } catch (IllegalArgumentException e) {
      // a name that cannot be a key: leave that attribute out
    }
  }

  /** JSON objects and arrays as unmodifiable copies: a paper is immutable. */
  private static @Nullable Object frozen(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, frozen(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(frozen(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  @SuppressWarnings("unchecked") // value is an instance of key.type(): checked first
  private static <T> void set(Paper.Builder paper, AttributeKey<T> key, @Nullable Object value) {
    if (value != null && key.type().isInstance(value)) {
      paper.attribute(key, (T) value);
    }
  }

  /** A non-blank string, or null (the value skipped) for anything else. */
  private static @Nullable String text(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.STRING) {
      reader.skipValue();
      return null;
    }
    String s = reader.nextString();
    return s.isBlank() ? null : s;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** The strings of an array; empty for anything else. */
  private static List<String> texts(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      String s = text(reader);
      if (s != null) {
        out.add(s);
      }
    }
    reader.endArray();
    return out;
  }

  /** A whole number, or null. */
  private static @Nullable Integer integer(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NUMBER) {
      reader.skipValue();
      return null;
    }
    double d = reader.nextDouble();
    return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) d : null;
  }

  private static @Nullable Instant instant(@Nullable String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null; // a date the file garbled: left out
    }
  }

  private static final JsonReader.Options AUTHOR = JsonReader.Options.of("name", "affiliations");

  private static List<Author> authors(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return List.of();
    }
    List<Author> authors = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        continue;
      }
      String name = null;
      List<String> affiliations = List.of();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(AUTHOR)) {
          case 0 -> name = text(reader);
          case 1 -> affiliations = texts(reader);
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      if (name != null) {
        authors.add(new Author(name, affiliations));
      }
    }
    reader.endArray();
    return authors;
  }

  private static final JsonReader.Options LINKS =
      JsonReader.Options.of("abstract", "pdf", "doi", "code", "project", "discussion");

  private static Links links(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return Links.NONE;
    }
    URI[] uris = new URI[6];
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(LINKS);
      if (index < 0) {
        reader.skipName();
        reader.skipValue();
      } else {
        uris[index] = uri(text(reader));
      }
    }
    reader.endObject();
    return new Links(uris[0], uris[1], uris[2], uris[3], uris[4], uris[5]);
  }

  private static @Nullable URI uri(@Nullable String s) {
    try {
      return s == null ? null : URI.create(s); // Links drops anything but http(s)
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Every attribute, as the JSON value it was written as. */
  private static void attributes(JsonReader reader, Paper.Builder paper) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      attribute(paper, name, reader.readJsonValue());
    }
    reader.endObject();
  }

  @Override
  public String toString() {
    return "JsonlFolderSource{" + (url != null ? url : dir) + "}";
  }
}

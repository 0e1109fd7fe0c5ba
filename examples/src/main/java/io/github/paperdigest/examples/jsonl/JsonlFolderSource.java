package io.github.paperdigest.examples.jsonl;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.github.paperdigest.examples.PaperJson;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Metric;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.SourceCapabilities;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads papers from {@code *.jsonl} files. A digest of a day is the file of that day (none: an
 * empty digest); the latest digest is the newest day file; any other query reads every file, one
 * page per file, and leaves text, author and category filters to the core (this source evaluates
 * none natively). Lookups scan every file. Nothing is cached: the files may change at any time.
 */
final class JsonlFolderSource implements PaperSource {
  static final String ID = "jsonl";
  private static final SourceCapabilities CAPABILITIES =
      SourceCapabilities.builder()
          .periods(DigestPeriod.Kind.DAY, DigestPeriod.Kind.LATEST)
          .metrics(Metric.UPVOTES, Metric.COMMENTS, Metric.GITHUB_STARS)
          .lookup(100, PaperId.ARXIV)
          .lookupFreshness(Duration.ZERO)
          .build();

  private final Path dir;
  private final JsonAdapter<Object> json;

  JsonlFolderSource(String dir, Moshi moshi) {
    this.dir = Path.of(dir);
    this.json = moshi.adapter(Object.class);
  }

  @Override
  public SourceCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Fetch<Page> fetchPage(PageRequest request) {
    DigestPeriod period = request.query().period();
    return Fetch.supplying(
        ID,
        () -> {
          List<Path> files = files();
          if (period != null && period.kind() == DigestPeriod.Kind.DAY) {
            Path day = dir.resolve(period.start() + ".jsonl");
            return Page.last(Files.isRegularFile(day) ? read(day) : List.of(), Duration.ZERO);
          }
          if (period != null) {
            List<Path> days =
                files.stream()
                    .filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.jsonl"))
                    .toList();
            return Page.last(
                days.isEmpty() ? List.of() : read(days.get(days.size() - 1)), Duration.ZERO);
          }
          int index = request.pageToken() == null ? 0 : Integer.parseInt(request.pageToken());
          if (index >= files.size()) {
            return Page.last(List.of(), Duration.ZERO);
          }
          String next = index + 1 < files.size() ? Integer.toString(index + 1) : null;
          return Page.of(read(files.get(index)), next, Duration.ZERO);
        });
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

  /** The {@code .jsonl} files of the folder, in name order (day files in date order). */
  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      throw new SourceUnavailableException(
          ID,
          dir.toUri().toString(),
          "no folder " + dir.toAbsolutePath() + " (set it with -Dpaperdigest.jsonl.dir=...)",
          null);
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new SourceUnavailableException(
          ID, dir.toUri().toString(), "cannot list " + dir + ": " + e, e);
    }
  }

  private List<Paper> read(Path file) {
    List<Paper> papers = new ArrayList<>();
    String where = file.toUri().toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          if (!(json.fromJson(line) instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("not a JSON object");
          }
          papers.add(PaperJson.read(object, ID));
        } catch (JsonDataException | JsonEncodingException | IllegalArgumentException e) {
          throw new SourceParseException(
              ID, where, "line " + number, String.valueOf(e.getMessage()), e);
        }
      }
    } catch (IOException e) {
      throw new SourceUnavailableException(ID, where, "cannot read " + file + ": " + e, e);
    }
    return papers;
  }

  @Override
  public String toString() {
    return "JsonlFolderSource{" + dir + "}";
  }
}

package io.github.paperdigest.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code paperdigest} command, run in-process against the bundled and hand-made recordings. */
final class CliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void clearProperties() {
    System.clearProperty("paperdigest.jsonl.dir");
    System.clearProperty("paperdigest.arxiv.api-url");
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return PaperDigestCli.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Object json(String text) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      return reader.readJsonValue();
    }
  }

  /** A hand-made recording of {@code url} in {@code dir}. */
  private static void record(
      Path dir, String name, String url, int code, String headers, String body) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(name + ".json"),
        "{\"url\": \""
            + url
            + "\", \"code\": "
            + code
            + ", \"headers\": {"
            + headers
            + "}, \"body\": \""
            + name
            + ".body\"}");
    Files.writeString(dir.resolve(name + ".body"), body);
  }

  @Test
  void digestAsJsonPrintsTheDaysPapersInTheCommonModel() throws Exception {
    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "json"))
        .isZero();

    List<?> papers = (List<?>) json(out());
    assertThat(papers).hasSize(39);
    Map<?, ?> first = (Map<?, ?>) papers.get(0);
    assertThat(List.copyOf(first.keySet()).subList(0, 5))
        .isEqualTo(List.of("id", "title", "abstract", "authors", "published"));
    assertThat(first.keySet().stream().map(Object::toString).toList())
        .contains("categories", "links", "source", "upvotes", "attributes");
    assertThat(first.get("id")).isEqualTo("arxiv:2510.02283");
    assertThat(first.get("title"))
        .isEqualTo("Self-Forcing++: Towards Minute-Scale High-Quality Video Generation");
    assertThat(first.get("source")).isEqualTo("hf-daily");
    assertThat(first.get("upvotes")).isEqualTo(43.0);
    assertThat(List.copyOf(((Map<?, ?>) ((List<?>) first.get("authors")).get(0)).keySet()))
        .isEqualTo(List.of("name", "affiliations"));
    assertThat(err()).isEmpty();
  }

  @Test
  void jsonlAndMarkdownAndTable() {
    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "jsonl"))
        .isZero();
    assertThat(out().lines()).hasSize(39).allMatch(l -> l.startsWith("{\"id\":\"arxiv:"));

    assertThat(
            run(
                "digest",
                "hf-daily",
                "--date",
                "2025-10-03",
                "--offline",
                "--format",
                "markdown",
                "--sort",
                "upvotes",
                "--limit",
                "2"))
        .isZero();
    assertThat(out())
        .startsWith("# hf-daily — 2025-10-03 (2 papers)")
        .contains(
            "1. **[Self-Forcing++: Towards Minute-Scale High-Quality Video Generation](https://arxiv.org/abs/2510.02283)**"
                + " — Justin Cui, Jie Wu, Ming Li et al. · ▲ 43")
        .contains(
            "   Diffusion models have revolutionized image and video generation, achieving unprecedented visual"
                + " quality. However, their reliance")
        .contains("2. **[LongCodeZip");

    assertThat(run("search", "arxiv", "testing", "--offline", "--limit", "10", "--format", "table"))
        .isZero();
    assertThat(out())
        .contains("arxiv — \"testing\" (10 papers)")
        .contains("   1  arxiv:2202.12139v1       cs.SE    Testing Deep Learning Models");
  }

  @Test
  void sourcesListsTheExamplePluginToo() {
    assertThat(run("sources", "--format", "table")).isZero();
    assertThat(out())
        .contains("jsonl      Example plugin", "hf-daily   Hugging Face", "arxiv      arXiv")
        .contains("idNamespaces: arxiv", "maxLookupBatch: 100");
  }

  @Test
  void helpOnEveryCommandWithExamples() {
    for (String command : List.of("sources", "digest", "search", "paper")) {
      for (String help : List.of("--help", "-h")) {
        assertThat(run(command, help)).as(command + " " + help).isZero();
        assertThat(out())
            .as(command + " " + help)
            .contains("Usage: paperdigest " + command, "Examples:", "-D=NAME=VALUE");
      }
    }
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("sources", "digest", "search", "paper");
  }

  @Test
  void settingsBeforeOrAfterTheCommandAreThisRunsOnly() throws Exception {
    Files.writeString(
        tmp.resolve("2025-10-03.jsonl"),
        "{\"id\":\"arxiv:2510.02283\",\"title\":\"Self-Forcing++\",\"upvotes\":43}\n");
    String dir = "-Dpaperdigest.jsonl.dir=" + tmp;
    assertThat(run(dir, "digest", "jsonl", "--date", "2025-10-03", "--format", "jsonl")).isZero();
    assertThat(out()).contains("\"title\":\"Self-Forcing++\"");
    assertThat(run("digest", "jsonl", "--date", "2025-10-03", "--format", "jsonl", dir)).isZero();
    assertThat(out()).contains("\"title\":\"Self-Forcing++\"");
    // a source's setting goes to this run's client, not into the JVM's system properties
    assertThat(System.getProperty("paperdigest.jsonl.dir")).isNull();
  }

  @Test
  void sourcesListsABrokenSourceWithItsProblemInEveryFormat() throws Exception {
    String broken = "-Dpaperdigest.arxiv.api-url=not a url";
    assertThat(run(broken, "sources", "--format", "json")).isZero();
    List<?> sources = (List<?>) json(out());
    assertThat(sources).hasSize(3);
    Map<?, ?> arxiv = (Map<?, ?>) sources.get(0);
    assertThat(arxiv.get("id")).isEqualTo("arxiv");
    assertThat((String) arxiv.get("problem"))
        .contains("setting api-url (system property paperdigest.arxiv.api-url)");
    // the table shows the fields of the JSON, by the same names
    Map<?, ?> hf = (Map<?, ?>) sources.get(1);
    assertThat(run(broken, "sources", "--format", "table")).isZero();
    String table = out();
    for (Object name : hf.keySet()) {
      if (!name.equals("id") && !name.equals("description")) {
        assertThat(table).contains("   " + name + ": ");
      }
    }
    assertThat(table).contains("   problem: arxiv: setting api-url");
    assertThat(run(broken, "sources", "--format", "markdown")).isZero();
    assertThat(out())
        .startsWith("# Sources")
        .contains("## hf-daily", "- **digests**: day, week, month, latest", "- **problem**: ");
    // a query of the broken source fails as a configuration error; the others work
    assertThat(run(broken, "search", "arxiv", "testing", "--offline")).isEqualTo(7);
    assertThat(run(broken, "digest", "hf-daily", "--date", "2025-10-03", "--offline")).isZero();
  }

  @Test
  void theReadmeCommandsRunOfflineAtTheirDefaults() {
    assertThat(run("search", "arxiv", "testing", "--offline", "--format", "jsonl")).isZero();
    assertThat(out().lines()).hasSize(10);
    assertThat(
            run(
                "digest",
                "hf-daily",
                "--date",
                "2025-10-03",
                "--sort",
                "upvotes",
                "--limit",
                "3",
                "--offline",
                "--format",
                "table"))
        .isZero();
    assertThat(out()).contains("hf-daily — 2025-10-03 (3 papers)", "Self-Forcing++");
    assertThat(run("sources", "--offline")).isZero();
    assertThat(run("paper", "arxiv:1707.08567", "--offline")).isZero();
    assertThat(run("digest", "arxiv", "--category", "cs.CL", "--offline")).isZero();
    // what is not recorded says so, and where the recordings are listed
    assertThat(run("search", "hf-daily", "video", "--offline")).isEqualTo(4);
    assertThat(err())
        .hasLineCount(1)
        .contains("no recording of this GET request in", "paperdigest-recordings/SOURCES.md");
  }

  @Test
  void paperFromEverySourceThatKnowsIt() throws Exception {
    System.setProperty("paperdigest.jsonl.dir", tmp.toString());
    assertThat(run("paper", "arxiv:1707.08567", "--offline", "--format", "jsonl")).isZero();
    assertThat(out().lines()).hasSize(1);
    assertThat(((Map<?, ?>) json(out())).get("source")).isEqualTo("arxiv");
    assertThat(err()).isEmpty();
  }

  @Test
  void theCustomSourceReadsWhatTheCliWrites() throws Exception {
    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "jsonl"))
        .isZero();
    Files.writeString(tmp.resolve("2025-10-03.jsonl"), out());

    assertThat(
            run(
                "digest",
                "jsonl",
                "--date",
                "2025-10-03",
                "-Dpaperdigest.jsonl.dir=" + tmp,
                "--format",
                "json",
                "--sort",
                "upvotes",
                "--limit",
                "3"))
        .isZero();
    List<?> papers = (List<?>) json(out());
    assertThat(papers).hasSize(3);
    assertThat(((Map<?, ?>) papers.get(0)).get("title"))
        .isEqualTo("Self-Forcing++: Towards Minute-Scale High-Quality Video Generation");
    assertThat(((Map<?, ?>) papers.get(0)).get("source")).isEqualTo("jsonl");

    assertThat(
            run("search", "jsonl", "video", "-Dpaperdigest.jsonl.dir=" + tmp, "--format", "jsonl"))
        .isZero();
    assertThat(out().lines()).isNotEmpty().allMatch(l -> l.toLowerCase().contains("video"));
  }

  /** The body of the bundled recording whose URL contains {@code urlPart}. */
  private static String bundledBody(String urlPart) throws IOException {
    Path root = io.github.paperdigest.examples.Examples.bundledRecordings();
    try (var files = Files.walk(root)) {
      for (Path meta : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Map<?, ?> m = (Map<?, ?>) json(Files.readString(meta));
        if (m.get("url").toString().contains(urlPart)) {
          return Files.readString(meta.resolveSibling(m.get("body").toString()));
        }
      }
    }
    throw new AssertionError("no bundled recording of " + urlPart);
  }

  @Test
  void systemPropertiesReachTheSources() throws Exception {
    Path dir = tmp.resolve("rec");
    record(
        dir,
        "mirror",
        "https://mirror.example/api/query?id_list=1707.08567&start=0&max_results=1",
        200,
        "\"Content-Type\": \"application/atom+xml\"",
        bundledBody("id_list=1707.08567"));
    System.setProperty("paperdigest.jsonl.dir", tmp.toString());

    assertThat(
            run(
                "paper",
                "arxiv:1707.08567",
                "--replay",
                dir.toString(),
                "-Dpaperdigest.arxiv.api-url=https://mirror.example/api/query",
                "--format",
                "jsonl"))
        .isZero();
    assertThat(((Map<?, ?>) json(out())).get("title").toString())
        .startsWith("Proceedings of Workshop AEW10");
  }

  @Test
  void errorsAreOneLineWithDistinctExitCodes() throws Exception {
    assertThat(run("digest", "hf-daily", "--date", "nope")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "paperdigest: Invalid value for option '--date': 'nope' is not a day (YYYY-MM-DD)"
                + " (see 'paperdigest digest --help')"
                + System.lineSeparator());
    assertThat(run("digest", "hf-daily", "--month", "2025-13")).isEqualTo(2);
    assertThat(err())
        .hasLineCount(1)
        .contains("'2025-13' is not a month (YYYY-MM)")
        .doesNotContain("java.", "Exception", "TemporalAccessor");
    assertThat(run("digest", "hf-daily", "--date", "2025-13-45")).isEqualTo(2);
    assertThat(err()).hasLineCount(1).contains("'2025-13-45' is not a day (YYYY-MM-DD)");
    // arXiv's digest is of categories: the CLI says which option gives one
    assertThat(run("digest", "arxiv", "--offline")).isEqualTo(2);
    assertThat(err()).hasLineCount(1).contains("--category, e.g. --category cs.CL");

    assertThat(run("digest", "nope", "--offline")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "paperdigest: Unknown source 'nope'; known sources: arxiv, hf-daily, jsonl"
                + System.lineSeparator());

    assertThat(run("digest", "hf-daily", "--date", "2025-10-04", "--offline")).isEqualTo(4);
    assertThat(err())
        .startsWith("paperdigest: hf-daily: no recording of this GET request in")
        .hasLineCount(1);

    Path dir = tmp.resolve("faults");
    record(
        dir,
        "limited",
        "https://huggingface.co/api/daily_papers?date=2025-10-01&p=0&limit=100",
        429,
        "\"Retry-After\": \"600\"",
        "slow down");
    record(
        dir,
        "broken",
        "https://huggingface.co/api/daily_papers?date=2025-10-02&p=0&limit=100",
        200,
        "\"Content-Type\": \"application/json\"",
        "[{\"paper\": ");
    record(
        dir,
        "missing",
        "https://huggingface.co/api/papers/2501.00001",
        404,
        "",
        "{\"error\": \"Not found\"}");
    record(
        dir,
        "missing-arxiv",
        "https://export.arxiv.org/api/query?id_list=2501.00001&start=0&max_results=1",
        200,
        "\"Content-Type\": \"application/atom+xml\"",
        "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><opensearch:totalResults>0</opensearch:totalResults></feed>");

    assertThat(run("digest", "hf-daily", "--date", "2025-10-01", "--replay", dir.toString()))
        .isEqualTo(5);
    assertThat(err())
        .contains("429")
        .contains("retry after 600 s")
        .doesNotContain("try again")
        .hasLineCount(1);
    assertThat(err().split("600 s", -1)).as("the wait said once").hasSize(2);

    assertThat(run("digest", "hf-daily", "--date", "2025-10-02", "--replay", dir.toString()))
        .isEqualTo(6);
    assertThat(err()).startsWith("paperdigest: hf-daily: ").hasLineCount(1);

    System.setProperty("paperdigest.jsonl.dir", tmp.toString());
    assertThat(run("paper", "arxiv:2501.00001", "--replay", dir.toString())).isEqualTo(3);
    assertThat(err())
        .isEqualTo("paperdigest: no source knows arxiv:2501.00001" + System.lineSeparator());
  }

  @Test
  void paperNoSourceKnowsIsNotFoundEvenWhenAnotherSourceFailed() throws Exception {
    Path dir = tmp.resolve("lookups");
    record(
        dir,
        "hf",
        "https://huggingface.co/api/papers/2501.00001",
        404,
        "",
        "{\"error\": \"Not found\"}");
    record(
        dir,
        "arxiv",
        "https://export.arxiv.org/api/query?id_list=2501.00001&start=0&max_results=1",
        200,
        "\"Content-Type\": \"application/atom+xml\"",
        "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><opensearch:totalResults>0</opensearch:totalResults></feed>");
    System.setProperty("paperdigest.jsonl.dir", tmp.resolve("no-such-folder").toString());

    assertThat(run("paper", "arxiv:2501.00001", "--replay", dir.toString())).isEqualTo(3);
    assertThat(err())
        .startsWith("paperdigest: no source knows arxiv:2501.00001 (and 1 failed: jsonl: no folder")
        .hasLineCount(1);

    // every source fails: each failure is named
    assertThat(run("paper", "arxiv:2501.00002", "--replay", dir.toString())).isEqualTo(4);
    assertThat(err())
        .startsWith("paperdigest: every source that looks up arxiv ids failed: ")
        .contains("hf-daily: no recording", "arxiv: no recording", "jsonl: no folder")
        .hasLineCount(1);
  }

  @Test
  void aPublishersTextNeverWritesEscapesOrMarkup() throws Exception {
    Path dir = tmp.resolve("hostile");
    String title =
        "Evil \\u001b]0;pwned\\u0007 title \\u202egnp.exe [click](javascript:alert(1)) <img src=x onerror=alert(1)>";
    record(
        dir,
        "day",
        "https://huggingface.co/api/daily_papers?date=2025-10-01&p=0&limit=100",
        200,
        "\"Content-Type\": \"application/json\"",
        "[{\"paper\": {\"id\": \"2510.00001\", \"title\": \""
            + title
            + "\", \"summary\": \"# Not a heading\\u001b[2J. *Not bold*.\", \"githubRepo\": \"javascript:alert(1)\","
            + " \"authors\": [{\"name\": \"\\u001b[31mRed\"}]}}]");
    record(
        dir,
        "error",
        "https://huggingface.co/api/daily_papers?date=2025-10-02&p=0&limit=100",
        500,
        "\"Content-Type\": \"text/plain\"",
        "down \u001b]0;pwned\u0007 for now");

    assertThat(
            run(
                "digest",
                "hf-daily",
                "--date",
                "2025-10-01",
                "--replay",
                dir.toString(),
                "--format",
                "table"))
        .isZero();
    assertThat(out())
        .contains("Evil ]0;pwned title gnp.exe")
        .doesNotContain("\u001b", "\u0007", "\u202e");

    assertThat(
            run(
                "digest",
                "hf-daily",
                "--date",
                "2025-10-01",
                "--replay",
                dir.toString(),
                "--format",
                "markdown"))
        .isZero();
    assertThat(out())
        .doesNotContain("\u001b", "<img")
        .doesNotContainPattern("[^\\\\]\\]\\(javascript")
        .contains(
            "\\[click\\](javascript:alert(1))",
            "&lt;img src=x onerror=alert(1)&gt;",
            "\\# Not a heading",
            "\\*Not bold\\*",
            "(https://arxiv.org/abs/2510.00001)");

    assertThat(run("digest", "hf-daily", "--date", "2025-10-02", "--replay", dir.toString()))
        .isEqualTo(4);
    assertThat(err()).contains("down ]0;pwned for now").doesNotContain("\u001b", "\u0007");
  }

  @Test
  void timeoutIsAnOption() {
    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--timeout", "-1"))
        .isEqualTo(2);
    assertThat(err()).contains("--timeout takes a number of seconds");
    assertThat(
            run(
                "digest",
                "hf-daily",
                "--date",
                "2025-10-03",
                "--offline",
                "--timeout",
                "5",
                "--format",
                "jsonl"))
        .isZero();
    assertThat(out().lines()).hasSize(39);
  }

  @Test
  void digestOfSeveralSourcesMergesThem() throws IOException {
    int code =
        run(
            "digest",
            "hf-daily,arxiv",
            "--category",
            "cs.CL",
            "--date",
            "2025-10-03",
            "--offline",
            "--format",
            "jsonl");
    assertThat(code).as(err()).isZero();
    List<String> lines = out().lines().toList();
    // Hugging Face's papers have no categories; arXiv's new and cross-listed cs.CL papers stay
    assertThat(lines).hasSize(2);
    assertThat(((Map<?, ?>) json(lines.get(0))).get("id")).isEqualTo("arxiv:2510.01001");

    assertThat(run("digest", "hf-daily,", "--offline")).isEqualTo(PaperDigestCli.USAGE);
    assertThat(err()).contains("An empty source name");
    assertThat(run("digest", "hf-daily,hf-daily", "--offline")).isEqualTo(PaperDigestCli.USAGE);
    assertThat(err()).contains("named twice");
  }

  @Test
  void everyNewFormatPrintsTheDay() throws Exception {
    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "atom"))
        .isZero();
    org.w3c.dom.Document atom =
        javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(out.toByteArray()));
    assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
        .isEqualTo(39);

    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "bibtex"))
        .isZero();
    assertThat(out()).contains("@misc{arxiv2510.02283,").contains("eprint = {2510.02283}");
    assertThat(out().lines().filter(l -> l.startsWith("@misc{"))).hasSize(39);

    assertThat(
            run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "csl-json"))
        .isZero();
    assertThat((List<?>) json(out())).hasSize(39);

    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "html"))
        .isZero();
    assertThat(out()).startsWith("<!DOCTYPE html>").contains("39 papers");

    assertThat(run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--format", "pdf"))
        .isEqualTo(PaperDigestCli.USAGE);
    assertThat(err()).contains("csl-json").hasLineCount(1);
    assertThat(run("sources", "--format", "atom")).isEqualTo(PaperDigestCli.USAGE);
    assertThat(err()).contains("sources prints table, json, jsonl or markdown");
  }

  @Test
  void watchPrintsOnlyWhatIsNewAndNothingTheSecondTime() throws IOException {
    Path state = tmp.resolve("hf.state");
    String[] watch = {
      "watch",
      "hf-daily",
      "--date",
      "2025-10-03",
      "--sort",
      "upvotes",
      "--limit",
      "3",
      "--offline",
      "--format",
      "jsonl",
      "--state",
      state.toString()
    };
    assertThat(run(watch)).as(err()).isZero();
    assertThat(out().lines()).hasSize(3);
    assertThat(run(watch)).isZero();
    assertThat(out()).isEmpty();
    assertThat(err()).isEmpty();

    // the whole day: the 36 not printed yet
    String[] day = {
      "watch",
      "hf-daily",
      "--date",
      "2025-10-03",
      "--offline",
      "--format",
      "jsonl",
      "--state",
      state.toString()
    };
    assertThat(run(day)).isZero();
    assertThat(out().lines()).hasSize(36);
  }

  @Test
  void watchASearch() throws IOException {
    String[] watch = {
      "watch",
      "arxiv",
      "--search",
      "testing",
      "--sort",
      "relevance",
      "--limit",
      "10",
      "--offline",
      "--format",
      "jsonl",
      "--state",
      tmp.resolve("search.state").toString()
    };
    assertThat(run(watch)).as(err()).isZero();
    assertThat(out().lines()).hasSize(10);
    assertThat(run(watch)).isZero();
    assertThat(out()).isEmpty();
    String[] both = {
      "watch",
      "hf-daily,arxiv",
      "--search",
      "x",
      "--state",
      tmp.resolve("x.state").toString(),
      "--offline"
    };
    assertThat(run(both)).isEqualTo(PaperDigestCli.USAGE);
    assertThat(err()).contains("--search watches one source");
  }

  @Test
  void aWatchStateInUseIsOneLineAndItsOwnExitCode() throws IOException {
    Path state = tmp.resolve("busy.state");
    try (io.github.paperdigest.watch.Watch busy =
        io.github.paperdigest.watch.Watch.builder().stateFile(state).build()) {
      int code =
          run(
              "watch",
              "hf-daily",
              "--date",
              "2025-10-03",
              "--offline",
              "--state",
              state.toString());
      assertThat(code).isEqualTo(PaperDigestCli.STATE);
      assertThat(err()).contains("in use by another watch").hasLineCount(1);
      assertThat(out()).isEmpty();
    }
    assertThat(run("watch", "hf-daily", "--offline")).isEqualTo(PaperDigestCli.USAGE);
    assertThat(err()).contains("--state");
  }

  @Test
  void enrichingOfflineNeedsRecordedLookups() {
    // no arXiv answer for the day's 39 ids is recorded: the miss is one line, nothing printed
    int code = run("digest", "hf-daily", "--date", "2025-10-03", "--offline", "--enrich", "arxiv");
    assertThat(code).isEqualTo(PaperDigestCli.UNAVAILABLE);
    assertThat(err()).contains("no recording").contains("id_list=").hasLineCount(1);
    assertThat(out()).isEmpty();
  }

  /** An OAI-PMH ListRecords page of records {@code from} to {@code to}, written for this test. */
  private static String oaiPage(int from, int to, String token) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<ListRecords>");
    for (int i = from; i < to; i++) {
      String id = String.format("2510.%05d", i);
      b.append("<record><header><identifier>oai:arXiv.org:")
          .append(id)
          .append("</identifier><datestamp>2025-10-03</datestamp><setSpec>cs</setSpec></header>")
          .append("<metadata><arXiv><id>")
          .append(id)
          .append("</id><created>2025-10-01</created><authors><author><keyname>Lovelace")
          .append("</keyname><forenames>Ada</forenames></author></authors><title>Paper ")
          .append(i)
          .append("</title><categories>cs.CL</categories><abstract>About ")
          .append(i)
          .append(".</abstract></arXiv></metadata></record>");
    }
    b.append(
        token == null ? "<resumptionToken/>" : "<resumptionToken>" + token + "</resumptionToken>");
    return b.append("</ListRecords></OAI-PMH>").toString();
  }

  @Test
  void harvestAppendsJsonLinesAndResumesWithNothingTwice() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.start();
      Path out = tmp.resolve("cs.jsonl");
      Path state = tmp.resolve("cs.state");
      String[] harvest = {
        "harvest",
        "arxiv",
        "--set",
        "cs",
        "--from",
        "2025-10-01",
        "--until",
        "2025-10-03",
        "--out",
        out.toString(),
        "--state",
        state.toString(),
        "-Dpaperdigest.arxiv.oai-url=" + server.url("/oai"),
        "-Dpaperdigest.arxiv.min-interval=PT0S",
        "-Dpaperdigest.arxiv.max-retries=0"
      };
      server.enqueue(new mockwebserver3.MockResponse.Builder().body(oaiPage(0, 100, "t1")).build());
      server.enqueue(new mockwebserver3.MockResponse.Builder().code(400).body("broken").build());
      assertThat(run(harvest)).isEqualTo(PaperDigestCli.UNAVAILABLE);
      assertThat(err()).hasLineCount(1);
      assertThat(Files.readAllLines(out)).hasSize(100);

      // an output cut shorter than the checkpoint says is refused, not padded
      Path shortOut = tmp.resolve("short.jsonl");
      Files.writeString(shortOut, "");
      Path stateCopy = tmp.resolve("copy.state");
      Files.copy(state, stateCopy);
      String[] changed = harvest.clone();
      for (int i = 0; i < changed.length; i++) {
        changed[i] =
            changed[i].equals(out.toString())
                ? shortOut.toString()
                : changed[i].equals(state.toString()) ? stateCopy.toString() : changed[i];
      }
      assertThat(run(changed)).isEqualTo(PaperDigestCli.USAGE);
      assertThat(err()).contains("is shorter").hasLineCount(1);
      assertThat(server.getRequestCount()).isEqualTo(2);

      // as if the run had died while writing the next page
      Files.writeString(out, "{\"partial\":", java.nio.file.StandardOpenOption.APPEND);
      server.enqueue(
          new mockwebserver3.MockResponse.Builder().body(oaiPage(100, 150, null)).build());
      assertThat(run(harvest)).as(err()).isZero();
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(150);
      for (int i = 0; i < 150; i++) {
        assertThat(((Map<?, ?>) json(lines.get(i))).get("id"))
            .isEqualTo(String.format("arxiv:2510.%05d", i));
      }
      server.takeRequest();
      server.takeRequest();
      assertThat(server.takeRequest().getUrl().queryParameter("resumptionToken")).isEqualTo("t1");

      // complete: a third run asks nothing and says so
      assertThat(run(harvest)).isZero();
      assertThat(err()).contains("complete");
      assertThat(server.getRequestCount()).isEqualTo(3);

      assertThat(run("harvest", "hf-daily", "--out", out.toString()))
          .isEqualTo(PaperDigestCli.USAGE);
      assertThat(run(harvest[0], harvest[1], "--out", out.toString(), "--metadata", "marc"))
          .isEqualTo(PaperDigestCli.USAGE);
    }
  }
}

package io.github.paperdigest.examples.cli;

import io.github.paperdigest.DigestQuery;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.Query;
import io.github.paperdigest.SourceInfo;
import io.github.paperdigest.arxiv.Arxiv;
import io.github.paperdigest.arxiv.ArxivHarvest;
import io.github.paperdigest.arxiv.HarvestException;
import io.github.paperdigest.arxiv.HarvestProgress;
import io.github.paperdigest.arxiv.OaiFormat;
import io.github.paperdigest.examples.Examples;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.RateLimitedException;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.model.UnknownSourceException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.render.Escape;
import io.github.paperdigest.render.Format;
import io.github.paperdigest.render.PaperJson;
import io.github.paperdigest.watch.Watch;
import io.github.paperdigest.watch.WatchException;
import java.io.Console;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code paperdigest}: research-paper digests from the command line.
 *
 * <pre>
 * java -jar examples/target/paperdigest.jar digest hf-daily --date 2025-10-03 --offline --format markdown
 * java -jar examples/target/paperdigest.jar search arxiv "retrieval augmented" --category cs.CL --limit 20
 * java -jar examples/target/paperdigest.jar paper arxiv:1707.08567
 * </pre>
 *
 * Exit codes: 0 done, 1 unexpected failure, 2 usage (bad arguments, unknown source, a query the
 * source cannot answer), 3 not found, 4 source unavailable or answering with an error, 5 rate
 * limited, 6 unreadable answer (parse failure), 7 bad configuration.
 */
@Command(
    name = "paperdigest",
    mixinStandardHelpOptions = true,
    versionProvider = PaperDigestCli.Version.class,
    description =
        "Research-paper digests (Hugging Face Daily Papers, arXiv, plugins) from the command line.",
    subcommands = {
      PaperDigestCli.Sources.class,
      PaperDigestCli.DigestCommand.class,
      PaperDigestCli.Search.class,
      PaperDigestCli.WatchCommand.class,
      PaperDigestCli.HarvestCommand.class,
      PaperDigestCli.PaperCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done, 2 usage, 3 not found, 4 source unavailable, 5 rate limited, 6 parse failure,"
          + " 7 configuration, 8 watch state unusable, 1 other."
    })
public final class PaperDigestCli implements Runnable {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_FOUND = 3;
  static final int UNAVAILABLE = 4;
  static final int RATE_LIMITED = 5;
  static final int PARSE = 6;
  static final int CONFIGURATION = 7;
  static final int STATE = 8;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "-D",
      paramLabel = "NAME=VALUE",
      mapFallbackValue = "",
      description =
          "A setting, before or after the command: -Dpaperdigest.<source>.<name>=value (e.g."
              + " -Dpaperdigest.arxiv.api-url=https://mirror.example/api/query), or any system"
              + " property.")
  Map<String, String> properties = new LinkedHashMap<>();

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Whether standard output is a terminal: a table and progress for people, JSON Lines for pipes.
   * On Java 17 to 21 {@code System.console()} is null when it is not; from Java 22 the console is
   * always there and {@code Console.isTerminal()} (called reflectively, as the SDK targets 17)
   * says.
   */
  @SuppressWarnings("SystemConsoleNull") // see above: null is the Java 17 answer
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22, a console means a terminal
    }
  }

  /** Runs the CLI with {@code out} and {@code err} as its streams; returns the exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new PaperDigestCli());
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(Format.class, Format::parse);
    cli.registerConverter(OaiFormat.class, OaiFormat::parse);
    // dates in one line, without Java's parser internals
    cli.registerConverter(
        LocalDate.class, text -> parse(text, "a day (YYYY-MM-DD)", LocalDate::parse));
    cli.registerConverter(
        YearMonth.class, text -> parse(text, "a month (YYYY-MM)", YearMonth::parse));
    cli.setParameterExceptionHandler(
        (e, args1) -> {
          err.println(
              "paperdigest: "
                  + Escape.plain(String.valueOf(e.getMessage()))
                  + " (see '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          Options options = optionsOf(parsed);
          return report(e, err, options != null && options.verbose);
        });
    for (CommandLine sub : cli.getSubcommands().values()) {
      Object command = sub.getCommand();
      if (command instanceof SubCommand c) {
        c.streams(out, err);
      }
    }
    return cli.execute(args);
  }

  private static <T> T parse(
      String text, String expected, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + Escape.plain(text) + "' is not " + expected);
    }
  }

  private static @Nullable Options optionsOf(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed.subcommand();
    return sub != null && sub.commandSpec().userObject() instanceof SubCommand c
        ? c.options()
        : null;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One line on stderr and the exit code for {@code e}. */
  static int report(Exception e, PrintStream err, boolean verbose) {
    if (verbose) {
      e.printStackTrace(err);
    }
    String hint = "";
    if (e instanceof SourceUnavailableException u
        && (causedBy(u, UnknownHostException.class) || causedBy(u, ConnectException.class))) {
      hint = " (no network? --offline replays the bundled recordings)";
    }
    if (e instanceof SourceUnavailableException u
        && String.valueOf(u.getMessage()).contains("no recording of")) {
      hint =
          " (--offline answers only the requests recorded in the jar; they are listed in"
              + " examples/src/main/resources/paperdigest-recordings/SOURCES.md)";
    }
    err.println("paperdigest: " + Escape.plain(String.valueOf(e.getMessage())) + hint);
    return exitCode(e);
  }

  /** The exit code for {@code e}. A rate limit's message says how long to wait. */
  static int exitCode(Exception e) {
    if (e instanceof AllFailed all) {
      return all.code;
    } else if (e instanceof RateLimitedException) {
      return RATE_LIMITED;
    } else if (e instanceof SourceUnavailableException || e instanceof SourceHttpException) {
      return UNAVAILABLE;
    } else if (e instanceof SourceParseException) {
      return PARSE;
    } else if (e instanceof SourceConfigurationException) {
      return CONFIGURATION;
    } else if (e instanceof WatchException || e instanceof HarvestException) {
      return STATE;
    } else if (e instanceof UnknownSourceException
        || e instanceof UnsupportedQueryException
        || e instanceof IllegalArgumentException) {
      return USAGE;
    } else if (e instanceof NotFound) {
      return NOT_FOUND;
    }
    return FAILURE;
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** Every source asked failed; the message names each failure, the code is the first one's. */
  static final class AllFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    AllFailed(String message, int code) {
      super(message);
      this.code = code;
    }
  }

  /** Nothing found. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  /** {@code paperdigest.<source>.<name>}: a source's setting. */
  static final java.util.regex.Pattern SETTING =
      java.util.regex.Pattern.compile("paperdigest\\.([a-z0-9][a-z0-9-]*)\\.([A-Za-z0-9.-]+)");

  /** Options every command takes. */
  static final class Options {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description =
            "table, json, jsonl, markdown, atom, bibtex, csl-json, html or text (default: table on"
                + " a terminal, jsonl otherwise)")
    @Nullable Format format;

    @Option(
        names = "--offline",
        description = "Replay the recordings bundled with the examples instead of the network.")
    boolean offline;

    @Option(
        names = "--replay",
        paramLabel = "DIR",
        description = "Replay the recordings in DIR instead of the network.")
    @Nullable Path replay;

    @Option(
        names = "--record",
        paramLabel = "DIR",
        description = "Record every HTTP exchange into DIR.")
    @Nullable Path record;

    @Option(
        names = "--cache-dir",
        paramLabel = "DIR",
        description = "Keep HTTP responses on disk in DIR.")
    @Nullable Path cacheDir;

    @Option(names = "--verbose", description = "Log requests and print stack traces on stderr.")
    boolean verbose;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        description =
            "How long one request may take in all, waits and retries included (default 60; 0: none).")
    @Nullable Double timeout;

    @Option(
        names = "-D",
        paramLabel = "NAME=VALUE",
        mapFallbackValue = "",
        description =
            "A setting: -Dpaperdigest.<source>.<name>=value (e.g."
                + " -Dpaperdigest.arxiv.api-url=https://mirror.example/api/query), or any system"
                + " property. Also accepted before the command.")
    Map<String, String> properties = new LinkedHashMap<>();

    Format format() {
      return format != null ? format : interactive() ? Format.TABLE : Format.JSONL;
    }

    /** The ids of the sources on the class path (a provider that cannot be made is left out). */
    private static java.util.Set<String> sourceIds() {
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var provider :
          java.util.ServiceLoader.load(io.github.paperdigest.spi.PaperSourceProvider.class).stream()
              .toList()) {
        try {
          ids.add(provider.get().id());
        } catch (java.util.ServiceConfigurationError | RuntimeException e) {
          // the client reports it, with failOnBrokenSource(false), in its sources
        }
      }
      return ids;
    }

    PaperDigest client(Map<String, String> before) {
      PaperDigest.Builder b = PaperDigest.builder().failOnBrokenSource(false);
      Map<String, String> all = new LinkedHashMap<>(before);
      all.putAll(properties);
      java.util.Set<String> sources = sourceIds();
      all.forEach(
          (name, value) -> {
            java.util.regex.Matcher setting = SETTING.matcher(name);
            // a source's setting goes to this client; any other (paperdigest.hazelcast.config, a
            // JVM property) is a system property
            if (setting.matches() && sources.contains(setting.group(1))) {
              b.option(setting.group(1), setting.group(2), value); // this client's, not the JVM's
            } else {
              System.setProperty(name, value);
            }
          });
      Logger sdk = Logger.getLogger("io.github.paperdigest");
      if (verbose) {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        sdk.addHandler(handler);
        sdk.setLevel(Level.FINE);
      } else {
        Logger.getLogger("").setLevel(Level.OFF);
      }
      if (offline && replay != null) {
        throw new IllegalArgumentException("--offline and --replay exclude each other");
      }
      if (offline) {
        b.replay(Examples.bundledRecordings());
      } else if (replay != null) {
        b.replay(replay);
      }
      if (record != null) {
        b.record(record);
      }
      if (cacheDir != null) {
        b.httpCache(cacheDir, 100L * 1024 * 1024);
      }
      if (timeout != null) {
        if (timeout < 0 || timeout.isNaN() || timeout > 86_400) {
          throw new IllegalArgumentException(
              "--timeout takes a number of seconds from 0 to 86400, not " + timeout);
        }
        b.callTimeout(java.time.Duration.ofMillis(Math.round(timeout * 1000)));
      }
      return b.build();
    }
  }

  /** What the subcommands share: options and streams. */
  abstract static class SubCommand implements Callable<Integer> {
    @Mixin Options options = new Options();
    @ParentCommand @Nullable PaperDigestCli root;
    PrintStream out = System.out;
    PrintStream err = System.err;

    Options options() {
      return options;
    }

    void streams(PrintStream out, PrintStream err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() throws IOException {
      try (PaperDigest client = options.client(root == null ? Map.of() : root.properties)) {
        return run(client, new Output(out, options.format()));
      }
    }

    abstract int run(PaperDigest client, Output output) throws IOException;
  }

  @Command(
      name = "sources",
      mixinStandardHelpOptions = true,
      description = {
        "The sources found on the class path, with what each can do. A source that cannot be"
            + " created (a bad setting) is listed with its problem."
      },
      footer = {
        "",
        "Examples:",
        "  paperdigest sources",
        "  paperdigest sources --format json",
        "  paperdigest sources -Dpaperdigest.jsonl.dir=papers --format markdown"
      })
  static final class Sources extends SubCommand {
    @Override
    int run(PaperDigest client, Output output) throws IOException {
      output.sources(client.sources());
      return OK;
    }
  }

  /** One of --date, --week, --month. */
  static final class Period {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "A day.")
    @Nullable LocalDate date;

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "An ISO week, e.g. 2025-W40.")
    @Nullable String week;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "A month.")
    @Nullable YearMonth month;

    DigestPeriod period() {
      if (date != null) {
        return DigestPeriod.day(date);
      }
      if (week != null) {
        return DigestPeriod.parseWeek(week);
      }
      return DigestPeriod.month(month);
    }
  }

  /** The sorts the CLI names. */
  enum SortName {
    NEWEST(Sort.NEWEST),
    OLDEST(Sort.OLDEST),
    UPVOTES(Sort.MOST_UPVOTED),
    RELEVANCE(Sort.RELEVANCE);

    final Sort sort;

    SortName(Sort sort) {
      this.sort = sort;
    }
  }

  @Command(
      name = "digest",
      mixinStandardHelpOptions = true,
      description = {
        "A digest: the papers of a day, week or month (the latest when none is given).",
        "Several sources (hf-daily,arxiv) are merged: each paper once, with what every source"
            + " knows of it; every filter applies to the merged papers."
      },
      footer = {
        "",
        "Examples:",
        "  paperdigest digest hf-daily --date 2025-10-03 --sort upvotes --limit 3 --offline",
        "  paperdigest digest hf-daily --week 2025-W40 --min-upvotes 20",
        "  paperdigest digest arxiv --category cs.CL --offline --format markdown",
        "  paperdigest digest hf-daily,arxiv --category cs.CL --date 2025-10-03 --offline",
        "  paperdigest digest hf-daily --enrich arxiv --format bibtex",
        "  paperdigest digest jsonl --date 2025-10-03 -Dpaperdigest.jsonl.dir=papers"
      })
  static class DigestCommand extends SubCommand {
    @Parameters(
        index = "0",
        paramLabel = "SOURCE",
        description = "e.g. hf-daily or arxiv; several, merged: hf-daily,arxiv")
    String source;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    @Nullable Period period;

    @Option(
        names = "--category",
        paramLabel = "C",
        description = "A category (repeatable), e.g. cs.CL.")
    List<String> categories = new ArrayList<>();

    @Option(names = "--min-upvotes", paramLabel = "N")
    @Nullable Integer minUpvotes;

    @Option(
        names = "--sort",
        paramLabel = "ORDER",
        description = "newest, oldest, upvotes or relevance")
    @Nullable SortName sort;

    @Option(names = "--limit", paramLabel = "N")
    @Nullable Integer limit;

    @Option(
        names = "--enrich",
        paramLabel = "SOURCE",
        description =
            "Complete each paper with what SOURCE knows of it (e.g. arxiv: categories, comment,"
                + " journal reference, DOI, version), one batched request per 100 ids.")
    @Nullable String enrich;

    @Override
    int run(PaperDigest client, Output output) throws IOException {
      Digest digest = digest(client);
      String heading =
          digest.source()
              + " — "
              + digest.period()
              + " ("
              + digest.size()
              + " papers"
              + (digest.complete() || limit != null ? "" : ", incomplete")
              + ")";
      output.papers(heading, digest.papers(), digest.fetchedAt());
      return OK;
    }

    /** The digest the options describe, enriched if asked. */
    Digest digest(PaperDigest client) {
      List<String> ids = sourceIds(source);
      DigestQuery q = client.digest(ids.get(0), ids.subList(1, ids.size()).toArray(String[]::new));
      if (!categories.isEmpty()) {
        q = q.category(categories.toArray(String[]::new));
      }
      if (minUpvotes != null) {
        q = q.minUpvotes(minUpvotes);
      }
      if (sort != null) {
        q = q.sortBy(sort.sort);
      }
      if (limit != null) {
        q = q.limit(limit);
      }
      Digest digest;
      try {
        digest = q.period(period == null ? DigestPeriod.latest() : period.period());
      } catch (UnsupportedQueryException e) {
        if (categories.isEmpty() && String.valueOf(e.getMessage()).contains("category")) {
          throw new IllegalArgumentException(
              e.getMessage() + " (on the command line: --category, e.g. --category cs.CL)", e);
        }
        throw e;
      }
      return enrich == null ? digest : client.enrich(digest, enrich);
    }

    /** {@code hf-daily,arxiv} as its ids. */
    static List<String> sourceIds(String text) {
      List<String> ids = new ArrayList<>();
      for (String id : text.split(",", -1)) {
        if (id.isBlank()) {
          throw new IllegalArgumentException("An empty source name in '" + text + "'");
        }
        ids.add(id.strip());
      }
      return ids;
    }
  }

  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = {
        "Only what is new: the papers of a digest (or with --search, of a search) not printed"
            + " by an earlier run with the same --state file. Each run prints the new papers, then"
            + " records them as delivered; nothing new prints nothing. A run that dies before"
            + " printing delivers nothing, so its papers come again next time."
      },
      footer = {
        "",
        "Examples:",
        "  paperdigest watch hf-daily --state hf.state --format markdown",
        "  paperdigest watch hf-daily,arxiv --category cs.CL --state cl.state --format atom",
        "  paperdigest watch arxiv --search \"retrieval augmented\" --state rag.state --versions"
      })
  static final class WatchCommand extends DigestCommand {
    @Option(
        names = "--state",
        paramLabel = "FILE",
        required = true,
        description = "The file that remembers what was delivered (created on first use).")
    Path state;

    @Option(
        names = "--search",
        paramLabel = "TEXT",
        description = "Watch a search instead of a digest (newest first, --limit default 100).")
    @Nullable String search;

    @Option(names = "--versions", description = "A new version of a delivered paper is new.")
    boolean versions;

    @Option(
        names = "--window-days",
        paramLabel = "DAYS",
        defaultValue = "90",
        description = "Forget a delivered paper not seen for DAYS days (default 90).")
    int windowDays;

    @Override
    int run(PaperDigest client, Output output) throws IOException {
      if (windowDays < 1) {
        throw new IllegalArgumentException("--window-days must be 1 or more, not " + windowDays);
      }
      try (Watch watch =
          Watch.builder()
              .stateFile(state)
              .versions(versions)
              .window(java.time.Duration.ofDays(windowDays))
              .build()) {
        List<Paper> papers;
        java.time.Instant fetched;
        String what;
        if (search != null) {
          List<String> ids = sourceIds(source);
          if (ids.size() > 1 || period != null) {
            throw new IllegalArgumentException(
                "--search watches one source's search, without --date, --week or --month");
          }
          Query q =
              client.from(source).search(search).sortBy(sort == null ? Sort.NEWEST : sort.sort);
          if (!categories.isEmpty()) {
            q = q.category(categories.toArray(String[]::new));
          }
          if (minUpvotes != null) {
            q = q.minUpvotes(minUpvotes);
          }
          papers = q.limit(limit == null ? 100 : limit).list();
          if (enrich != null) {
            papers = client.enrich(papers, enrich);
          }
          fetched = java.time.Instant.now();
          what = source + " — \"" + search + "\"";
        } else {
          Digest digest = digest(client);
          papers = digest.papers();
          fetched = digest.fetchedAt();
          what = digest.source() + " — " + digest.period();
        }
        Watch.Batch batch = watch.poll(papers);
        if (batch.isEmpty()) {
          return OK;
        }
        output.papers(what + " (" + batch.papers().size() + " new)", batch.papers(), fetched);
        batch.acknowledge();
      }
      return OK;
    }
  }

  @Command(
      name = "harvest",
      mixinStandardHelpOptions = true,
      description = {
        "All of a set's metadata over arXiv's OAI-PMH interface, appended to --out as JSON lines,"
            + " one request every 3 s. With --state, a harvest stopped at any point continues"
            + " where it stopped when run again with the same options: no record missing, none"
            + " twice."
      },
      footer = {
        "",
        "Examples:",
        "  paperdigest harvest arxiv --set cs --from 2025-01-01 --out cs.jsonl --state cs.state",
        "  paperdigest harvest arxiv --set cs:cs:AI --from 2025-10-01 --until 2025-10-31"
            + " --metadata arXivRaw --out ai.jsonl",
        "  paperdigest harvest arxiv --set physics:hep-th --from 2025-11-01 --out hep-th.jsonl"
            + " -Dpaperdigest.arxiv.oai-url=https://mirror.example/oai"
      })
  static final class HarvestCommand extends SubCommand {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "arxiv (the source with OAI-PMH)")
    String source;

    @Option(
        names = "--set",
        paramLabel = "SET",
        description = "A set as arXiv names them: cs, cs:cs:AI, physics:hep-th (default: all).")
    @Nullable String set;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Records changed since.")
    @Nullable LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Records changed until.")
    @Nullable LocalDate until;

    @Option(
        names = "--metadata",
        paramLabel = "FORMAT",
        defaultValue = "arXiv",
        description = "arXiv (default), arXivRaw (with the version history) or oai_dc.")
    OaiFormat metadata;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "The JSON lines file the records are appended to.")
    Path outFile;

    @Option(
        names = "--state",
        paramLabel = "FILE",
        description = "Checkpoint after each page here, and resume from it.")
    @Nullable Path state;

    @Option(
        names = "--window-days",
        paramLabel = "DAYS",
        defaultValue = "7",
        description = "Days one list covers (default 7): an expired token re-reads one window.")
    int windowDays;

    @Override
    int run(PaperDigest client, Output output) throws IOException {
      if (!source.equals(Arxiv.ID)) {
        throw new IllegalArgumentException(
            "harvest works with arxiv, the source that offers OAI-PMH, not '" + source + "'");
      }
      if (options.format != null && options.format != Format.JSONL) {
        throw new IllegalArgumentException("harvest writes JSON lines (--out); drop --format");
      }
      ArxivHarvest harvest = Arxiv.harvest(client).metadata(metadata).windowDays(windowDays);
      if (set != null) {
        harvest = harvest.set(set);
      }
      if (from != null) {
        harvest = harvest.from(from);
      }
      if (until != null) {
        harvest = harvest.until(until);
      }
      boolean progress = interactive() && !options.verbose;
      try (java.nio.channels.FileChannel channel =
          java.nio.channels.FileChannel.open(
              outFile,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.WRITE)) {
        java.io.Writer lines =
            new java.io.BufferedWriter(
                java.nio.channels.Channels.newWriter(
                    channel, java.nio.charset.StandardCharsets.UTF_8));
        java.util.function.LongSupplier position =
            () -> {
              try {
                lines.flush();
                return channel.size();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            };
        if (state != null) {
          harvest = harvest.state(state).sink(position);
        }
        if (progress) {
          harvest =
              harvest.progress(
                  p ->
                      err.printf(
                          "\r%,d records, %,d pages, %.0f records/s, %s\033[K",
                          p.records(), p.pages(), p.recordsPerSecond(), elapsed(p.elapsed())));
        }
        try (ArxivHarvest.Run run = harvest.start()) {
          long start = run.resumedPosition().orElse(channel.size());
          if (start > channel.size()) {
            throw new IllegalArgumentException(
                outFile
                    + " is shorter ("
                    + channel.size()
                    + " bytes) than the checkpoint in "
                    + state
                    + " says it was ("
                    + start
                    + "): it was changed since; use a new --state and --out");
          }
          channel.truncate(start); // cut back to the last checkpoint: nothing twice
          channel.position(start);
          if (run.wasComplete()) {
            err.println("paperdigest: the harvest in " + state + " is complete; nothing to do");
            return OK;
          }
          okio.Buffer json = new okio.Buffer();
          run.papers()
              .forEach(
                  p -> {
                    try (com.squareup.moshi.JsonWriter w = com.squareup.moshi.JsonWriter.of(json)) {
                      PaperJson.write(w, p);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                    try {
                      lines.write(json.readUtf8());
                      lines.write('\n');
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          lines.flush();
          if (progress) {
            err.println();
          }
          HarvestProgress done = run.progress();
          if (!progress && options.verbose) {
            err.println(
                "paperdigest: " + done.records() + " records in " + done.pages() + " pages");
          }
        }
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      return OK;
    }

    private static String elapsed(java.time.Duration d) {
      long s = d.toSeconds();
      return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Papers matching TEXT, read page by page.",
      footer = {
        "",
        "Examples:",
        "  paperdigest search arxiv testing --offline",
        "  paperdigest search arxiv \"retrieval augmented\" --category cs.CL --sort newest --limit 50",
        "  paperdigest search hf-daily \"video generation\" --format jsonl"
      })
  static final class Search extends SubCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Option(names = "--author", paramLabel = "A", description = "An author (repeatable).")
    List<String> authors = new ArrayList<>();

    @Option(names = "--category", paramLabel = "C", description = "A category (repeatable).")
    List<String> categories = new ArrayList<>();

    @Option(names = "--since", paramLabel = "YYYY-MM-DD")
    @Nullable LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD")
    @Nullable LocalDate until;

    @Option(
        names = "--sort",
        paramLabel = "ORDER",
        description = "newest, oldest, upvotes or relevance")
    @Nullable SortName sort;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "10",
        description = "At most N papers (default 10).")
    int limit;

    @Option(
        names = "--enrich",
        paramLabel = "SOURCE",
        description = "Complete each paper with what SOURCE knows of it (e.g. arxiv).")
    @Nullable String enrich;

    @Override
    int run(PaperDigest client, Output output) throws IOException {
      Query q = client.from(source).search(text);
      for (String a : authors) {
        q = q.author(a);
      }
      if (!categories.isEmpty()) {
        q = q.category(categories.toArray(String[]::new));
      }
      if (since != null) {
        q = q.since(since);
      }
      if (until != null) {
        q = q.until(until);
      }
      if (sort != null) {
        q = q.sortBy(sort.sort);
      }
      List<Paper> papers = new ArrayList<>();
      boolean progress = interactive() && !options.verbose;
      Iterator<Paper> it = q.limit(limit).iterator();
      while (it.hasNext()) {
        papers.add(it.next());
        if (progress && papers.size() % 100 == 0) {
          err.print("\rfetched " + papers.size() + " papers…");
        }
      }
      if (progress && papers.size() >= 100) {
        err.print("\r\033[K");
      }
      if (enrich != null) {
        papers = client.enrich(papers, enrich);
      }
      output.papers(
          source + " — \"" + text + "\" (" + papers.size() + " papers)",
          papers,
          java.time.Instant.now());
      return OK;
    }
  }

  @Command(
      name = "paper",
      mixinStandardHelpOptions = true,
      description = "One paper by id (e.g. arxiv:2505.09568), from every source that knows it.",
      footer = {
        "",
        "Examples:",
        "  paperdigest paper arxiv:1707.08567 --offline",
        "  paperdigest paper arxiv:2510.02283 --format json"
      })
  static final class PaperCommand extends SubCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run(PaperDigest client, Output output) throws IOException {
      PaperId paperId = PaperId.parse(id);
      List<Paper> found = new ArrayList<>();
      List<PaperDigestException> failures = new ArrayList<>();
      int asked = 0;
      for (SourceInfo s : client.sources()) {
        SourceCapabilities c = s.capabilities();
        if (!c.lookup() || !c.idNamespaces().contains(paperId.namespace())) {
          continue;
        }
        asked++;
        try {
          client.from(s.id()).paper(paperId).ifPresent(found::add);
        } catch (PaperDigestException e) {
          failures.add(e);
        }
      }
      if (asked == 0) {
        throw new IllegalArgumentException("no source looks up '" + paperId.namespace() + "' ids");
      }
      if (found.isEmpty()) {
        if (failures.isEmpty()) {
          throw new NotFound("no source knows " + paperId);
        }
        String each =
            failures.stream()
                .map(Throwable::getMessage)
                .collect(java.util.stream.Collectors.joining("; "));
        if (failures.size() < asked) {
          // some source answered, and it does not know the paper: that is the outcome
          throw new NotFound(
              "no source knows " + paperId + " (and " + failures.size() + " failed: " + each + ")");
        }
        throw new AllFailed(
            "every source that looks up " + paperId.namespace() + " ids failed: " + each,
            exitCode(failures.get(0)));
      }
      if (options.verbose) {
        for (PaperDigestException f : failures) {
          err.println("paperdigest: " + Escape.plain(String.valueOf(f.getMessage())));
        }
      }
      output.papers(paperId.toString(), found, java.time.Instant.now());
      return OK;
    }
  }

  /** The SDK's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {PaperDigest.DEFAULT_USER_AGENT};
    }
  }
}

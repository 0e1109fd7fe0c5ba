package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.RateLimitedException;
import io.github.paperdigest.model.ResponseTooLargeException;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault kind against both sources, table-driven. For each: the outcome (recovered after N
 * retries, or which typed error with which message), that nothing failed was cached, and that the
 * source's politeness interval held between every two requests (on a fake clock: no real waiting).
 */
final class FaultMatrixTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock(Instant.parse("2025-10-06T12:00:00Z"));
  private final List<Instant> starts = new CopyOnWriteArrayList<>();

  /** How one source is driven: its query, its good answer, its interval. */
  interface Scenario {
    String id();

    Duration interval();

    /** The answer that recovers: the recorded page the query asks for. */
    String good();

    String goodType();

    /** The number of papers {@link #good()} gives. */
    int goodCount();

    /** Runs the query; returns how many papers came back. */
    int run(PaperDigest client);

    PaperDigest.Builder configure(PaperDigest.Builder b, String base);
  }

  static final Scenario HF =
      new Scenario() {
        @Override
        public String id() {
          return "hf-daily";
        }

        @Override
        public Duration interval() {
          return Duration.ofMillis(250);
        }

        @Override
        public String good() {
          return Resources.text("hf-daily/daily_papers_2025-10-03.json");
        }

        @Override
        public String goodType() {
          return "application/json";
        }

        @Override
        public int goodCount() {
          return 39;
        }

        @Override
        public int run(PaperDigest client) {
          return client.digest("hf-daily").on(LocalDate.of(2025, 10, 3)).size();
        }

        @Override
        public PaperDigest.Builder configure(PaperDigest.Builder b, String base) {
          return b.option("hf-daily", "base-url", base);
        }

        @Override
        public String toString() {
          return id();
        }
      };

  static final Scenario ARXIV =
      new Scenario() {
        @Override
        public String id() {
          return "arxiv";
        }

        @Override
        public Duration interval() {
          return Duration.ofSeconds(3);
        }

        @Override
        public String good() {
          return Resources.text("arxiv/api_query_all-testing_start0_max10.xml");
        }

        @Override
        public String goodType() {
          return "application/atom+xml";
        }

        @Override
        public int goodCount() {
          return 10;
        }

        @Override
        public int run(PaperDigest client) {
          return client.from("arxiv").search("testing").limit(10).list().size();
        }

        @Override
        public PaperDigest.Builder configure(PaperDigest.Builder b, String base) {
          return b.option("arxiv", "api-url", base + "api/query")
              .option("arxiv", "rss-url", base + "rss/")
              .option("arxiv", "listing-url", base + "list/");
        }

        @Override
        public String toString() {
          return id();
        }
      };

  /** What a case must come to, after how many requests (retries included). */
  record Expect(
      int requests,
      int papers,
      Class<? extends PaperDigestException> error,
      String message,
      int goodPages) {
    /** The query succeeds with {@code papers} after {@code requests} requests in all. */
    static Expect recovered(int requests, int papers) {
      return new Expect(requests, papers, null, null, 0);
    }

    /**
     * The query fails with {@code error} saying {@code message}, after {@code requests} requests.
     */
    static Expect fails(Class<? extends PaperDigestException> error, String message, int requests) {
      return new Expect(requests, 0, error, message, 0);
    }

    /** As {@link #fails}, after {@code goodPages} pages that were good answers (and are cached). */
    static Expect failsAfterPages(
        Class<? extends PaperDigestException> error, String message, int goodPages) {
      return new Expect(goodPages, 0, error, message, goodPages);
    }
  }

  /** Every row ends within this much real time (the clock is fake: no politeness wait is real). */
  static final Duration TIME_BOUND = Duration.ofSeconds(10);

  /**
   * ... and waits at most this much on the fake clock: politeness and retries, never a publisher's
   * day.
   */
  static final Duration WAIT_BOUND = Duration.ofMinutes(5);

  /** One row of the matrix. */
  record Case(
      String fault,
      Scenario scenario,
      Function<FaultMatrixTest, List<MockResponse>> script,
      Function<Scenario, Expect> expect,
      Function<Scenario, Function<PaperDigest, Integer>> query,
      long maxResponseSize,
      Duration readTimeout,
      BiFunction<PaperDigest.Builder, MockWebServer, PaperDigest.Builder> settings) {
    Case(
        String fault,
        Scenario scenario,
        Function<FaultMatrixTest, List<MockResponse>> script,
        Function<Scenario, Expect> expect,
        Function<Scenario, Function<PaperDigest, Integer>> query,
        long maxResponseSize,
        Duration readTimeout) {
      this(fault, scenario, script, expect, query, maxResponseSize, readTimeout, (b, server) -> b);
    }

    @Override
    public String toString() {
      return scenario.id() + ": " + fault;
    }
  }

  MockResponse good(Scenario s) {
    return new MockResponse.Builder()
        .body(s.good())
        .addHeader("Content-Type", s.goodType())
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("status " + code).build();
  }

  static String xxe() {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2501.00001v1</id>"
        + "<title>&x;</title></entry></feed>";
  }

  static String billionLaughs() {
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      b.append("<!ENTITY l")
          .append(i)
          .append(" \"")
          .append(("&l" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    return b.append(
            "]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2501.00001v1</id>")
        .append("<title>&l9;</title></entry></feed>")
        .toString();
  }

  static MockResponse retryAfter(int code, String value) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Retry-After", value)
        .body("slow down")
        .build();
  }

  static List<MockResponse> repeat(java.util.function.Supplier<MockResponse> response, int times) {
    List<MockResponse> list = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      list.add(response.get());
    }
    return list;
  }

  /** 50 pages, each with papers no earlier page had (more than any max-pages a row sets). */
  static List<MockResponse> endless(java.util.function.IntFunction<String> page, String type) {
    List<MockResponse> list = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      list.add(
          new MockResponse.Builder().body(page.apply(i)).addHeader("Content-Type", type).build());
    }
    return list;
  }

  /**
   * An Atom page of {@code n} distinct entries from {@code start}, announcing {@code total}
   * results.
   */
  static String atomPage(int start, int n, long total) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String id = "2501." + (10_000 + start + i);
      entries
          .append("<entry><id>http://arxiv.org/abs/")
          .append(id)
          .append("v1</id><title>Paper ")
          .append(id)
          .append("</title></entry>");
    }
    return "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">"
        + "<opensearch:totalResults>"
        + total
        + "</opensearch:totalResults>"
        + entries
        + "</feed>";
  }

  /** Minimal Hugging Face daily-papers items. */
  static final class HfJson {
    static String item(String id) {
      return "{\"paper\":{\"id\":\"" + id + "\",\"title\":\"Paper " + id + "\"}}";
    }
  }

  static Function<Scenario, Function<PaperDigest, Integer>> standard() {
    return s -> s::run;
  }

  static Case row(
      String fault,
      Scenario s,
      Function<FaultMatrixTest, List<MockResponse>> script,
      Expect expect) {
    return new Case(
        fault, s, script, x -> expect, standard(), 32L * 1024 * 1024, Duration.ofSeconds(10));
  }

  static Stream<Arguments> matrix() {
    List<Case> rows = new ArrayList<>();
    for (Scenario s : List.of(HF, ARXIV)) {
      String broken =
          s == HF
              ? "[{\"paper\": {\"id\": \"2510.1\", "
              : "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                  + "<id>http://arxiv.org/abs/2501.00001v1<title>T</entry></feed>";
      Class<? extends PaperDigestException> parse = SourceParseException.class;
      rows.add(
          row(
              "429 with Retry-After seconds",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build(),
                      t.good(s)),
              Expect.recovered(2, s.goodCount())));
      rows.add(
          row(
              "429 with Retry-After date",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .code(429)
                          .addHeader(
                              "Retry-After",
                              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                  t.clock.instant().plusSeconds(20).atOffset(ZoneOffset.UTC)))
                          .build(),
                      t.good(s)),
              Expect.recovered(2, s.goodCount())));
      rows.add(
          row(
              "429 without Retry-After",
              s,
              t -> List.of(status(429), t.good(s)),
              Expect.recovered(2, s.goodCount())));
      rows.add(
          row(
              "429 asking for too long a wait",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .code(429)
                          .addHeader("Retry-After", "3600")
                          .build()),
              Expect.fails(RateLimitedException.class, "HTTP 429", 1)));
      rows.add(
          row(
              "500",
              s,
              t -> List.of(status(500)),
              Expect.fails(SourceHttpException.class, "HTTP 500", 1)));
      for (int code : new int[] {502, 503, 504}) {
        rows.add(
            row(
                code + " then success",
                s,
                t -> List.of(status(code), t.good(s)),
                Expect.recovered(2, s.goodCount())));
      }
      rows.add(
          row(
              "503 every time",
              s,
              t -> List.of(status(503), status(503), status(503), status(503)),
              Expect.fails(SourceHttpException.class, "HTTP 503", 4)));
      rows.add(
          row(
              "connection reset before the body",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .onResponseStart(new SocketEffect.CloseSocket())
                          .build(),
                      t.good(s)),
              Expect.recovered(2, s.goodCount())));
      rows.add(
          row(
              "connection reset mid-body",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .body(s.good())
                          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                          .build()),
              Expect.fails(SourceUnavailableException.class, "unreachable", 1)));
      rows.add(
          new Case(
              "body slower than the read timeout",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .body(s.good())
                          .throttleBody(256, 1, TimeUnit.SECONDS)
                          .build()),
              x -> Expect.fails(SourceUnavailableException.class, "timed out", 1),
              standard(),
              32L * 1024 * 1024,
              Duration.ofMillis(300)));
      rows.add(
          row(
              "truncated body",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .body(s.good().substring(0, s.good().length() / 2))
                          .build()),
              Expect.fails(parse, s.id(), 1)));
      rows.add(
          new Case(
              "body over the size limit",
              s,
              t -> List.of(t.good(s)),
              x -> Expect.fails(ResponseTooLargeException.class, "4096", 1),
              standard(),
              4096,
              Duration.ofSeconds(10)));
      rows.add(
          row(
              s == HF ? "malformed JSON" : "malformed XML",
              s,
              t -> List.of(new MockResponse.Builder().body(broken).build()),
              Expect.fails(parse, s.id(), 1)));
      rows.add(
          row(
              "XXE payload",
              s,
              t -> List.of(new MockResponse.Builder().body(xxe()).build()),
              Expect.fails(parse, s == HF ? "malformed" : "DTD", 1)));
      rows.add(
          row(
              "billion laughs",
              s,
              t -> List.of(new MockResponse.Builder().body(billionLaughs()).build()),
              Expect.fails(parse, s == HF ? "malformed" : "DTD", 1)));
      rows.add(
          row(
              "redirect loop",
              s,
              t -> {
                List<MockResponse> loop = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                  loop.add(
                      new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
                }
                return loop;
              },
              Expect.fails(SourceUnavailableException.class, "redirect loop", 6)));
    }
    // faults that only one source can meet
    rows.add(
        new Case(
            "HTML page whose layout changed",
            HF,
            t ->
                List.of(
                    new MockResponse.Builder()
                        .body(Resources.text("hf-daily/papers_layout_changed_handwritten.html"))
                        .addHeader("Content-Type", "text/html")
                        .build()),
            x -> Expect.fails(SourceParseException.class, "layout may have changed", 1),
            s ->
                c ->
                    c.digest("hf-daily")
                        .option("html", "true")
                        .on(LocalDate.of(2025, 10, 3))
                        .size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "HTML page whose layout changed",
            ARXIV,
            t ->
                List.of(
                    status(500),
                    new MockResponse.Builder()
                        .body("<html><body><main>new design</main></body></html>")
                        .build()),
            x -> Expect.fails(SourceParseException.class, "layout may have changed", 2),
            s -> c -> c.digest("arxiv").category("cs.CL").latest().size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "empty page mid-pagination",
            ARXIV,
            t ->
                List.of(
                    new MockResponse.Builder()
                        .body(Resources.text("arxiv/api_query_all-testing_start0_max10.xml"))
                        .build(),
                    new MockResponse.Builder()
                        .body(
                            Resources.text("arxiv/api_query_all-testing_start10_max10.xml")
                                .replaceAll("(?s)<entry>.*</entry>", ""))
                        .build(),
                    new MockResponse.Builder()
                        .body(Resources.text("arxiv/api_query_all-testing_start10_max10.xml"))
                        .build()),
            x -> Expect.recovered(3, 20),
            s -> c -> c.from("arxiv").search("testing").limit(20).list().size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "empty page mid-pagination",
            HF,
            t ->
                List.of(
                    new MockResponse.Builder()
                        .body(Resources.text("hf-daily/daily_papers_2025-09-30.json"))
                        .build(),
                    new MockResponse.Builder().body("[]").build()),
            x -> Expect.recovered(2, 50),
            s -> c -> c.digest("hf-daily").on(LocalDate.of(2025, 9, 30)).size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "blank Atom entries",
            ARXIV,
            t ->
                List.of(
                    new MockResponse.Builder()
                        .body(
                            Resources.text(
                                "arxiv/api_OLDFORMAT_2025-08_idlist_with_missing_id_blank_entry.xml"))
                        .build()),
            x -> Expect.recovered(1, 1),
            s ->
                c ->
                    c.from("arxiv")
                        .papers(
                            List.of(
                                PaperId.arxiv("2201.13455"),
                                PaperId.arxiv("2201.13452"),
                                PaperId.arxiv("2201.13453"),
                                PaperId.arxiv("2201.13454")))
                        .size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    // a hostile or failing publisher (issue 10): every call ends, rate limits fail fast, every
    // query ends
    for (Scenario s : List.of(HF, ARXIV)) {
      rows.add(
          new Case(
              "body trickled under the read timeout, past the deadline",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .body(s.good())
                          .throttleBody(1, 100, TimeUnit.MILLISECONDS)
                          .build()),
              x ->
                  Expect.fails(
                      SourceUnavailableException.class,
                      "timed out: no complete answer within the call timeout (1 s)",
                      1),
              standard(),
              32L * 1024 * 1024,
              Duration.ofSeconds(10),
              (b, server) -> b.callTimeout(Duration.ofSeconds(1))));
      rows.add(
          row(
              "429 Retry-After 120, every time",
              s,
              t -> List.of(retryAfter(429, "120"), retryAfter(429, "120"), retryAfter(429, "120")),
              Expect.fails(RateLimitedException.class, "retry after 120 s", 1)));
      rows.add(
          row(
              "13-digit Retry-After",
              s,
              t -> List.of(retryAfter(429, "9999999999999")),
              Expect.fails(RateLimitedException.class, "retry after 86400 s", 1)));
      rows.add(
          row(
              "RateLimit reset of 20 digits",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .code(429)
                          .addHeader("RateLimit", "\"api\";r=0;t=99999999999999999999")
                          .build()),
              Expect.fails(RateLimitedException.class, "retry after 86400 s", 1)));
      rows.add(
          new Case(
              "Retry-After 999999, then the next query",
              s,
              t -> List.of(retryAfter(429, "999999"), t.good(s)),
              x -> Expect.fails(RateLimitedException.class, "not sent", 1),
              sc ->
                  c -> {
                    assertThatThrownBy(() -> sc.run(c))
                        .isInstanceOf(RateLimitedException.class)
                        .hasMessageContaining("HTTP 429");
                    c.invalidateCache();
                    return sc.run(c); // fails at once, unsent, with what remains of the pause
                  },
              32L * 1024 * 1024,
              Duration.ofSeconds(10)));
      rows.add(
          row(
              "negative Content-Length",
              s,
              t ->
                  List.of(
                      new MockResponse.Builder()
                          .body(s.good())
                          .setHeader("Content-Length", "-5")
                          .build()),
              Expect.fails(SourceUnavailableException.class, "negative Content-Length", 1)));
    }
    rows.add(
        new Case(
            "RSS 503 Retry-After 999999 falls back to the listing page (another origin)",
            ARXIV,
            t ->
                List.of(
                    retryAfter(503, "999999"),
                    new MockResponse.Builder()
                        .body(Resources.text("arxiv/list_cs.CL_new_2025-10-03_HANDWRITTEN.html"))
                        .build()),
            x -> Expect.recovered(2, 3),
            s -> c -> c.digest("arxiv").category("cs.CL").latest().size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10),
            // the listing pages on another host name of the same server: another origin
            (b, server) ->
                b.option("arxiv", "listing-url", "http://localhost:" + server.getPort() + "/list/")
                    .option("arxiv", "rss-url", "http://127.0.0.1:" + server.getPort() + "/rss/")));
    rows.add(
        new Case(
            "the same full page for every p (p ignored)",
            HF,
            t ->
                repeat(
                    () ->
                        new MockResponse.Builder()
                            .body(Resources.text("hf-daily/daily_papers_2025-09-30.json"))
                            .build(),
                    600),
            x -> Expect.recovered(2, 50),
            s -> c -> c.digest("hf-daily").week("2025-W40").size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "the same page for every start",
            ARXIV,
            t ->
                repeat(
                    () ->
                        new MockResponse.Builder()
                            .body(
                                Resources.text("arxiv/api_query_all-testing_start0_max10.xml")
                                    .replaceFirst(
                                        "<opensearch:totalResults>\\d+",
                                        "<opensearch:totalResults>30"))
                            .build(),
                    600),
            x -> Expect.recovered(2, 10),
            s -> c -> c.from("arxiv").search("testing").limit(30).list().size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "a new page forever (past max-pages)",
            HF,
            t ->
                endless(
                    i ->
                        "["
                            + HfJson.item("2510." + (10_000 + 2 * i))
                            + ","
                            + HfJson.item("2510." + (10_001 + 2 * i))
                            + "]",
                    "application/json"),
            x ->
                Expect.failsAfterPages(
                    SourceUnavailableException.class, "stopped after 3 pages", 3),
            s -> c -> c.digest("hf-daily").on(LocalDate.of(2025, 10, 3)).size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10),
            (b, server) ->
                b.option("hf-daily", "page-size", "2").option("hf-daily", "max-pages", "3")));
    rows.add(
        new Case(
            "a new page forever (past max-pages)",
            ARXIV,
            t -> endless(i -> atomPage(10 * i, 10, 1_000_000), "application/atom+xml"),
            x ->
                Expect.failsAfterPages(
                    SourceUnavailableException.class, "stopped after 3 pages", 3),
            s -> c -> c.from("arxiv").search("testing").list().size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10),
            (b, server) -> b.option("arxiv", "max-pages", "3")));
    rows.add(
        new Case(
            "papers repeated across pages",
            ARXIV,
            t ->
                List.of(
                    new MockResponse.Builder().body(atomPage(0, 10, 20)).build(),
                    new MockResponse.Builder().body(atomPage(5, 10, 20)).build()),
            x -> Expect.recovered(2, 15),
            s -> c -> c.from("arxiv").search("testing").list().size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10)));
    rows.add(
        new Case(
            "papers repeated across pages",
            HF,
            t ->
                List.of(
                    new MockResponse.Builder()
                        .body(
                            "[" + HfJson.item("2510.00001") + "," + HfJson.item("2510.00002") + "]")
                        .build(),
                    new MockResponse.Builder()
                        .body(
                            "[" + HfJson.item("2510.00002") + "," + HfJson.item("2510.00003") + "]")
                        .build(),
                    new MockResponse.Builder().body("[" + HfJson.item("2510.00004") + "]").build()),
            x -> Expect.recovered(3, 4),
            s -> c -> c.digest("hf-daily").on(LocalDate.of(2025, 10, 3)).size(),
            32L * 1024 * 1024,
            Duration.ofSeconds(10),
            (b, server) -> b.option("hf-daily", "page-size", "2")));
    rows.add(
        row(
            "JSON with a byte-order mark",
            HF,
            t ->
                List.of(
                    new MockResponse.Builder()
                        .body(
                            new okio.Buffer()
                                .write(okio.ByteString.decodeHex("efbbbf"))
                                .writeUtf8(HF.good()))
                        .build()),
            Expect.recovered(1, 39)));
    return rows.stream().map(c -> Arguments.of(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void faultIsHandled(Case c) {
    List<MockResponse> script = new CopyOnWriteArrayList<>(c.script().apply(this));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            starts.add(clock.instant());
            return script.isEmpty()
                ? new MockResponse.Builder().code(418).body("unscripted request").build()
                : script.remove(0);
          }
        });
    Scenario s = c.scenario();
    Expect expect = c.expect().apply(s);
    // page-size 50 for hf-daily's pagination case, page-size 10 for arXiv's
    PaperDigest.Builder builder =
        s.configure(PaperDigest.builder(), server.url("/").toString())
            .option("hf-daily", "page-size", "50")
            .option("arxiv", "page-size", "10")
            .clock(clock)
            .sleeper(clock.sleeper())
            .maxResponseSize(c.maxResponseSize())
            .readTimeout(c.readTimeout());
    builder = c.settings().apply(builder, server);
    long started = System.nanoTime();
    Instant fakeStart = clock.instant();
    try (PaperDigest client = builder.build()) {
      Function<PaperDigest, Integer> query = c.query().apply(s);
      if (expect.error() == null) {
        assertThat(query.apply(client)).as("papers").isEqualTo(expect.papers());
        assertThat(client.cacheStats().loadFailureCount()).isZero();
      } else {
        assertThatThrownBy(() -> query.apply(client))
            .isInstanceOf(expect.error())
            .hasMessageContaining(expect.message())
            .hasMessageStartingWith(s.id() + ": ");
        assertThat(client.cacheStats().size())
            .as("nothing cached after a failure but good pages")
            .isEqualTo(expect.goodPages());
        assertThat(client.cacheStats().loadSuccessCount()).isEqualTo(expect.goodPages());
      }
      assertThat(server.getRequestCount()).as("requests").isEqualTo(expect.requests());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("time taken")
        .isLessThan(TIME_BOUND);
    assertThat(Duration.between(fakeStart, clock.instant()))
        .as("time waited (fake clock)")
        .isLessThan(WAIT_BOUND);
    List<Instant> sorted = starts.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
          .as("interval before request " + (i + 1))
          .isGreaterThanOrEqualTo(s.interval());
    }
  }
}

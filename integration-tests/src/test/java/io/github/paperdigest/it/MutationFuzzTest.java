package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.arxiv.Arxiv;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing: each recorded response, mutated by a seeded {@link Mutator}, goes through the
 * real parse path (a client whose HTTP client answers with the mutated bytes, before politeness: no
 * waiting, no sockets). The only allowed outcomes are papers or the SDK's own typed exceptions;
 * anything else escaping (NullPointerException, ClassCastException, IndexOutOfBoundsException,
 * NumberFormatException, DateTimeParseException, StackOverflowError, ...), or caught only by the
 * core's last-resort net, fails the test with the seed that replays it.
 *
 * <p>{@code -Dfuzz.cases=N} sets the number of cases (10,000 in CI), {@code -Dfuzz.seed=S} the
 * seed; {@code -Dfuzz.case=K} runs only case K of that seed.
 */
final class MutationFuzzTest {

  /** A recorded response and the query whose parse path reads it. */
  record Target(String resource, String contentType, Consumer<PaperDigest> query) {}

  private static final LocalDate DAY = LocalDate.of(2025, 10, 3);

  static final List<Target> TARGETS = new ArrayList<>();

  static {
    for (String day :
        List.of(
            "2024-05-27", "2024-08-02", "2025-03-17", "2025-09-30", "2025-10-03", "2026-08-21")) {
      TARGETS.add(
          new Target(
              "hf-daily/daily_papers_" + day + ".json",
              "application/json",
              c -> c.digest("hf-daily").on(DAY)));
    }
    TARGETS.add(
        new Target(
            "hf-daily/daily_papers_latest_2026-06-12_limit100.json",
            "application/json",
            c -> c.digest("hf-daily").latest()));
    TARGETS.add(
        new Target(
            "hf-daily/paper_2510.02283_handwritten.json",
            "application/json",
            c -> c.from("hf-daily").paper(PaperId.arxiv("2510.02283"))));
    TARGETS.add(
        new Target(
            "hf-daily/search_video_handwritten.json",
            "application/json",
            c -> c.from("hf-daily").search("video").list()));
    TARGETS.add(
        new Target(
            "hf-daily/papers_date_2025-10-03_handwritten.html",
            "text/html",
            c -> c.digest("hf-daily").option("html", "true").on(DAY)));
    for (String feed :
        List.of(
            "api_NEWFORMAT_2025-11_query_electron_AND_proton_max10.xml",
            "api_OLDFORMAT_2025-08_query_electron_AND_proton_max10.xml",
            "api_query_all-testing_start0_max10.xml",
            "api_query_all-testing_start0_max100_100entries.xml",
            "api_error_idlist_abc_http400.xml",
            "api_NEWFORMAT_2025-11_idlist_with_missing_id.xml")) {
      TARGETS.add(
          new Target(
              "arxiv/" + feed,
              "application/atom+xml",
              c -> c.from("arxiv").search("x").limit(200).list()));
    }
    for (String lookup :
        List.of(
            "api_idlist_astro-ph_0601001_oldstyle_journalref_affiliation.xml",
            "api_OLDFORMAT_2025-08_idlist_with_missing_id_blank_entry.xml",
            "api_idlist_2104.12255v1_versioned_title_is_0.xml")) {
      TARGETS.add(
          new Target(
              "arxiv/" + lookup,
              "application/atom+xml",
              c ->
                  c.from("arxiv")
                      .papers(
                          List.of(PaperId.arxiv("2201.13452"), PaperId.arxiv("2104.12255v1")))));
    }
    TARGETS.add(
        new Target(
            "arxiv/rss_cs.CL_2025-10-03_HANDWRITTEN.xml",
            "application/rss+xml",
            c ->
                c.digest("arxiv")
                    .category("cs.CL")
                    .option(Arxiv.ANNOUNCE, "new,cross,replace,replace-cross")
                    .latest()));
    TARGETS.add(
        new Target(
            "arxiv/list_cs.CL_new_2025-10-03_HANDWRITTEN.html",
            "text/html",
            c -> c.digest("arxiv").category("cs.CL").latest()));
  }

  /** The body the next request gets: the mutated one first, then an empty answer. */
  private final AtomicReference<byte[]> next = new AtomicReference<>();

  private volatile String nextType = "application/json";
  private volatile boolean feedFails;
  private PaperDigest client;

  @BeforeEach
  void setUp() {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  String path = chain.request().url().encodedPath();
                  byte[] body = next.getAndSet(null);
                  int code = 200;
                  String type = nextType;
                  if (feedFails && path.startsWith("/rss/")) {
                    next.set(body);
                    body = new byte[0];
                    code = 500;
                  } else if (body == null) {
                    body = path.contains("/api/query") ? emptyFeed() : "[]".getBytes();
                    type =
                        path.contains("/api/query") ? "application/atom+xml" : "application/json";
                  }
                  return new Response.Builder()
                      .request(chain.request())
                      .protocol(Protocol.HTTP_1_1)
                      .code(code)
                      .message("fuzz")
                      .body(ResponseBody.create(body, MediaType.get(type)))
                      .build();
                })
            .build();
    client =
        PaperDigest.builder()
            .httpClient(http)
            .cache(false)
            .option("hf-daily", "lookup-repos", "false")
            // parsing is under test, not politeness: no intervals (the clock stands still)
            .politeness("arxiv", PolitenessPolicy.DEFAULT)
            .politeness("hf-daily", PolitenessPolicy.DEFAULT)
            .clock(Clock.fixed(Instant.parse("2025-10-03T12:00:00Z"), ZoneOffset.UTC))
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static byte[] emptyFeed() {
    return ("<?xml version='1.0' encoding='UTF-8'?><feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
            + "xmlns=\"http://www.w3.org/2005/Atom\"><opensearch:totalResults>0</opensearch:totalResults></feed>")
        .getBytes();
  }

  /**
   * The core turns any runtime exception a parser lets out into a {@link
   * io.github.paperdigest.model.SourceParseException} ("unexpected response content"): users never
   * see a NullPointerException, but a parser that needs that net has a bug, and its message says
   * nothing useful. Such a case fails here like an escaped exception.
   */
  private static boolean caughtByTheSafetyNet(PaperDigestException e) {
    return e.getMessage().contains("unexpected response content (");
  }

  private static String failure(
      int k, long seed, Mutator.Mutation mutation, Target target, Throwable t) {
    StringWriter trace = new StringWriter();
    (t.getCause() != null && t instanceof PaperDigestException ? t.getCause() : t)
        .printStackTrace(new PrintWriter(trace));
    return "case "
        + k
        + " (replay: -Dfuzz.seed="
        + seed
        + " -Dfuzz.case="
        + k
        + "): "
        + mutation.kind()
        + " of "
        + target.resource()
        + " -> "
        + t
        + "\n"
        + trace.toString().lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  @Test
  void mutatedResponsesGiveParsedPapersOrTypedErrors() {
    long seed = Long.getLong("fuzz.seed", 20261126L);
    int cases = Integer.getInteger("fuzz.cases", 10_000);
    Integer only = Integer.getInteger("fuzz.case");
    List<Mutator> mutators = new ArrayList<>();
    for (Target t : TARGETS) {
      mutators.add(new Mutator(Resources.text(t.resource()), t.contentType().contains("json")));
    }
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    int typed = 0;
    for (int k = only == null ? 0 : only; k < (only == null ? cases : only + 1); k++) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + k);
      int which = random.nextInt(TARGETS.size());
      Target target = TARGETS.get(which);
      Mutator.Mutation mutation = mutators.get(which).mutate(random);
      next.set(mutation.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      nextType = target.contentType();
      feedFails = target.resource().startsWith("arxiv/list_");
      try {
        target.query().accept(client);
        parsed++;
      } catch (PaperDigestException e) {
        if (!caughtByTheSafetyNet(e)) {
          typed++;
          continue;
        }
        failures.add(failure(k, seed, mutation, target, e));
      } catch (Throwable t) {
        failures.add(failure(k, seed, mutation, target, t));
      }
      if (failures.size() >= 20) {
        break;
      }
    }
    System.out.println(
        "fuzz: seed "
            + seed
            + ", "
            + (parsed + typed + failures.size())
            + " cases: "
            + parsed
            + " parsed, "
            + typed
            + " typed errors, "
            + failures.size()
            + " escaped");
    assertThat(failures).as("exceptions that escaped the SDK's types").isEmpty();
    if (only == null) {
      assertThat(parsed).as("some mutations still parse").isPositive();
      assertThat(typed).as("some mutations are refused").isPositive();
    }
  }
}

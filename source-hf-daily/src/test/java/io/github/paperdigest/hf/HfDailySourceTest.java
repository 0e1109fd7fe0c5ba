package io.github.paperdigest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.Sleeper;
import io.github.paperdigest.SourceInfo;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.RateLimitedException;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.testing.FakeClock;
import io.github.paperdigest.testing.SourceHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class HfDailySourceTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private PaperDigest client;

  @BeforeEach
  void setUp() {
    client = builder().build();
  }

  private PaperDigest.Builder builder() {
    Sleeper recording = sleeps::add;
    return PaperDigest.builder()
        .option("hf-daily", "base-url", server.url("/").toString())
        .clock(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC))
        .sleeper(recording);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static String fixture(String name) {
    try (InputStream in = HfDailySourceTest.class.getResourceAsStream("/hf-daily/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void enqueue(String fixture) {
    server.enqueue(
        new MockResponse.Builder()
            .body(fixture(fixture))
            .addHeader("Content-Type", "application/json")
            .build());
  }

  private void enqueueJson(String body) {
    server.enqueue(
        new MockResponse.Builder()
            .body(body)
            .addHeader("Content-Type", "application/json")
            .build());
  }

  @Test
  void discoveredByServiceLoader() {
    assertThat(client.sources()).extracting(SourceInfo::id).contains("hf-daily");
  }

  @ParameterizedTest
  @CsvSource({
    "daily_papers_2024-05-27.json, 2024-05-27, 13, 2405.15738, 32, 9, 2405.15125",
    "daily_papers_2024-08-02.json, 2024-08-02, 16, 2408.00714, 35, 18, 2407.21794",
    "daily_papers_2025-03-17.json, 2025-03-17, 12, 2503.07677, 46, 2, 2503.05689",
    "daily_papers_2025-10-03.json, 2025-10-03, 39, 2510.02283, 43, 9, 2509.26330",
    "daily_papers_2026-08-21.json, 2026-08-21, 17, 2608.19880, 163, 17, 2608.13210",
  })
  void everyRecordedDayParsesCompletely(
      String file,
      LocalDate day,
      int items,
      String firstId,
      int firstUpvotes,
      int firstAuthors,
      String lastId)
      throws Exception {
    enqueue(file);
    Digest digest = client.digest("hf-daily").on(day);

    assertThat(digest.papers()).hasSize(items);
    assertThat(digest.complete()).isTrue();
    Paper first = digest.papers().get(0);
    assertThat(first.id()).isEqualTo(PaperId.arxiv(firstId));
    assertThat(first.metrics().upvotes()).isEqualTo(firstUpvotes);
    assertThat(first.authors()).hasSize(firstAuthors);
    assertThat(first.source()).isEqualTo("hf-daily");
    assertThat(first.attribute(HfDaily.DAILY_DATE)).contains(day);
    assertThat(first.links().abstractPage()).hasToString("https://arxiv.org/abs/" + firstId);
    assertThat(first.links().pdf()).hasToString("https://arxiv.org/pdf/" + firstId);
    assertThat(first.links().discussion()).hasToString(server.url("/papers/" + firstId).toString());
    assertThat(digest.papers().get(items - 1).id().value()).isEqualTo(lastId);
    assertThat(digest.papers())
        .allSatisfy(
            p -> {
              assertThat(p.title()).isNotBlank();
              assertThat(p.abstractText()).isNotBlank();
              assertThat(p.published()).isNotNull();
              assertThat(p.attribute(HfDaily.DAILY_DATE)).contains(day);
            });

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/daily_papers");
    assertThat(request.getUrl().queryParameter("date")).isEqualTo(day.toString());
    assertThat(request.getUrl().queryParameter("p")).isEqualTo("0");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("PaperDigest/");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void mapsEveryFieldOfTheNewestSchema() {
    enqueue("daily_papers_2025-10-03.json");
    Paper p = client.digest("hf-daily").on(LocalDate.of(2025, 10, 3)).papers().get(0);
    assertThat(p.title())
        .isEqualTo("Self-Forcing++: Towards Minute-Scale High-Quality Video Generation");
    assertThat(p.abstractText())
        .startsWith(
            "Diffusion models have revolutionized image and video generation, achieving unprecedented");
    assertThat(p.published()).isEqualTo(Instant.parse("2025-10-02T17:55:42Z"));
    assertThat(p.authors().get(0).name()).isEqualTo("Justin Cui");
    assertThat(p.metrics().comments()).isEqualTo(2);
    assertThat(p.metrics().githubStars()).isEqualTo(1);
    assertThat(p.attribute(HfDaily.ORGANIZATION)).contains("ByteDance Seed");
    assertThat(p.attribute(HfDaily.SUBMITTER)).contains("cuijiaxing");
    assertThat(p.attribute(HfDaily.MEDIA_URLS)).hasValueSatisfying(m -> assertThat(m).hasSize(2));
    assertThat(p.attribute(HfDaily.AI_SUMMARY)).isPresent();
    assertThat(p.attribute(HfDaily.AI_KEYWORDS))
        .hasValueSatisfying(k -> assertThat(k).isNotEmpty());
    assertThat(p.attribute(HfDaily.AUTHORS))
        .hasValueSatisfying(
            a -> assertThat(a.get(0)).isEqualTo(new HfAuthor("Justin Cui", false, null)));
    assertThat(p.links().code()).isNotNull();
  }

  @Test
  void oldestSchemaUsesMediaUrlAndTheListingTime() {
    enqueue("daily_papers_2024-05-27.json");
    Paper p = client.digest("hf-daily").on(LocalDate.of(2024, 5, 27)).papers().get(0);
    assertThat(p.attribute(HfDaily.MEDIA_URLS))
        .contains(
            List.of(
                "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.15738.png"));
    assertThat(p.attribute(HfDaily.SUBMITTER)).isEmpty();
    assertThat(p.attribute(HfDaily.AUTHORS).orElseThrow().get(0).user()).isEqualTo("ChunjiangGe");
    assertThat(p.metrics().comments()).isEqualTo(3);
  }

  @Test
  void shortLivedSubmitterOrganizationAndHiddenAuthorsAreKept() {
    enqueue("daily_papers_2025-09-30.json");
    enqueueJson("[]");
    Digest digest = client.digest("hf-daily").on(LocalDate.of(2025, 9, 30));
    assertThat(digest.papers().get(0).attribute(HfDaily.ORGANIZATION))
        .contains("Tsinghua University");
    assertThat(
            digest.papers().stream()
                .flatMap(p -> p.attribute(HfDaily.AUTHORS).orElseThrow().stream())
                .filter(HfAuthor::hidden))
        .hasSize(1);
  }

  @Test
  void daysOfMoreThanOnePageComeBackWhole() throws Exception {
    client.close();
    client = builder().option("hf-daily", "page-size", "50").build();
    enqueue("daily_papers_2025-09-30.json");
    enqueue("daily_papers_2025-10-03.json");
    Digest digest = client.digest("hf-daily").on(LocalDate.of(2025, 9, 30));
    assertThat(digest.papers()).hasSize(89);
    assertThat(digest.complete()).isTrue();
    assertThat(server.takeRequest().getUrl().queryParameter("p")).isEqualTo("0");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().queryParameter("p")).isEqualTo("1");
    assertThat(second.getUrl().queryParameter("limit")).isEqualTo("50");
  }

  @Test
  void weekMonthLatestAndOptionsArePushedDown() throws Exception {
    enqueueJson("[]");
    enqueueJson("[]");
    enqueue("daily_papers_latest_2026-06-12_limit100.json");
    assertThat(
            client
                .digest("hf-daily")
                .option("submitter", "akhaliq")
                .option("sort", "trending")
                .week("2025-W40")
                .isEmpty())
        .isTrue();
    client.digest("hf-daily").month(YearMonth.of(2025, 10));
    Digest latest = client.digest("hf-daily").sortBy(Sort.MOST_UPVOTED).limit(3).latest();

    RecordedRequest week = server.takeRequest();
    assertThat(week.getUrl().queryParameter("week")).isEqualTo("2025-W40");
    assertThat(week.getUrl().queryParameter("submitter")).isEqualTo("akhaliq");
    assertThat(week.getUrl().queryParameter("sort")).isEqualTo("trending");
    assertThat(server.takeRequest().getUrl().queryParameter("month")).isEqualTo("2025-10");
    RecordedRequest latestRequest = server.takeRequest();
    assertThat(latestRequest.getUrl().queryParameterNames())
        .containsExactlyInAnyOrder("p", "limit");
    assertThat(latest.papers())
        .extracting(p -> p.metrics().upvotes())
        .isSortedAccordingTo((a, b) -> b - a)
        .hasSize(3);
    assertThat(latest.complete()).isFalse();
    assertThat(latest.papers())
        .allSatisfy(
            p -> assertThat(p.attribute(HfDaily.DAILY_DATE)).contains(LocalDate.of(2026, 6, 12)));
  }

  @Test
  void minUpvotesAndAuthorAreFilteredLocally() throws Exception {
    enqueue("daily_papers_2025-10-03.json");
    List<Paper> papers =
        client.from("hf-daily").on(LocalDate.of(2025, 10, 3)).minUpvotes(20).list();
    assertThat(papers)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.metrics().upvotes()).isGreaterThanOrEqualTo(20));
    assertThat(server.takeRequest().getUrl().queryParameterNames()).doesNotContain("minUpvotes");
    assertThat(client.from("hf-daily").on(LocalDate.of(2025, 10, 3)).author("Justin Cui").list())
        .extracting(p -> p.id().value())
        .containsExactly("2510.02283");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEmptyDayIsAnEmptyCompleteDigest() {
    enqueueJson("[]");
    Digest digest = client.digest("hf-daily").on(LocalDate.of(2025, 10, 4));
    assertThat(digest.isEmpty()).isTrue();
    assertThat(digest.complete()).isTrue();
  }

  @Test
  void badDateAnswerIsATypedError() {
    server.enqueue(
        new MockResponse.Builder().code(400).body("{\"error\":\"Invalid date\"}").build());
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 10, 5)))
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.publisherMessage()).isEqualTo("Invalid date");
            });
  }

  @Test
  void invalidInputFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2026, 12, 25)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is in the future");
    assertThatThrownBy(() -> client.digest("hf-daily").week("2025-W60"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-W60");
    assertThatThrownBy(() -> client.from("hf-daily").on(LocalDate.of(2025, 10, 3)).week("2025-W40"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.digest("hf-daily").option("sort", "best").latest())
        .hasMessage("hf-daily sort must be trending or publishedAt, not 'best'");
    assertThatThrownBy(() -> client.digest("hf-daily").option("submitter", "a b").latest())
        .hasMessage("Not a Hugging Face user name: 'a b'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rateLimitedThenSuccess() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("RateLimit", "\"api\";r=0;t=12")
            .addHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300")
            .build());
    enqueue("daily_papers_2025-03-17.json");
    assertThat(client.digest("hf-daily").on(LocalDate.of(2025, 3, 17)).size()).isEqualTo(12);
    assertThat(sleeps)
        .anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(12)));
  }

  @Test
  void rateLimitedTooLongFailsWithTheWait() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "600").build());
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 3, 17)))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
  }

  @Test
  void malformedJsonAndMissingFieldsAreParseErrors() {
    enqueueJson("[{\"paper\":{\"id\":\"2510.00001\",\"title\":\"x\"}");
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 10, 1)))
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining("malformed response");
    enqueueJson(
        "[{\"paper\":{\"id\":\"2510.00001\",\"title\":\"x\"}},{\"paper\":{\"title\":\"no id\"}}]");
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 10, 2)))
        .isInstanceOf(SourceParseException.class)
        .hasMessageEndingWith("$[1].paper.id: missing, or not a non-blank string")
        .satisfies(e -> assertThat(((SourceParseException) e).where()).isEqualTo("$[1].paper.id"));
    enqueueJson("[{\"paper\":{\"id\":\"2510.00001\"}}]");
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 10, 6)))
        .isInstanceOf(SourceParseException.class)
        .hasMessageEndingWith("$[0].paper.title: missing, or not a non-blank string");
    // a field of the wrong type is skipped like an unknown one; a bare paper is read as well
    enqueueJson(
        "[{\"paper\":{\"id\":\"2510.00001\",\"title\":\"x\",\"upvotes\":\"many\","
            + "\"authors\":{\"name\":\"A\"},\"publishedAt\":\"yesterday\"},\"numComments\":[1]},"
            + "{\"id\":\"2510.00002\",\"title\":\"bare\",\"upvotes\":3}]");
    List<Paper> tolerated = client.digest("hf-daily").on(LocalDate.of(2025, 10, 3)).papers();
    assertThat(tolerated).extracting(Paper::title).containsExactly("x", "bare");
    assertThat(tolerated.get(0).metrics().upvotes()).isNull();
    assertThat(tolerated.get(0).authors()).isEmpty();
    assertThat(tolerated.get(0).published()).isNull();
    assertThat(tolerated.get(1).metrics().upvotes()).isEqualTo(3);
    enqueueJson("{\"error\":\"oops\"}");
    assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 10, 7)))
        .isInstanceOf(SourceParseException.class)
        .hasMessageEndingWith("$: expected a JSON array of papers, found an object");
  }

  @Test
  void oneBadFieldIsDroppedNotThePage() {
    // each of these values failed the whole page before
    enqueueJson(
        "[{\"paper\":{\"id\":\"2510.00001\",\"title\":\"Kept\",\"summary\":\"Still here.\","
            + "\"publishedAt\":\"yesterday\",\"submittedOnDailyAt\":\"2025-13-45T99:00:00Z\","
            + "\"githubRepo\":\"javascript:alert(1)\",\"projectPage\":\"https://example.org/a b\",\"upvotes\":\"many\"},"
            + "\"publishedAt\":\"soon\"},"
            + "{\"paper\":{\"id\":\"..\",\"title\":\"An id that is a dot segment\"}}]");
    Digest digest = client.digest("hf-daily").on(LocalDate.of(2025, 10, 1));

    assertThat(digest.papers())
        .extracting(Paper::title)
        .containsExactly("Kept", "An id that is a dot segment");
    Paper kept = digest.papers().get(0);
    assertThat(kept.abstractText()).isEqualTo("Still here.");
    assertThat(kept.published()).isNull();
    assertThat(kept.attribute(HfDaily.DAILY_DATE)).isEmpty();
    assertThat(kept.metrics().upvotes()).isNull();
    assertThat(kept.links().code()).as("only http(s) links").isNull();
    assertThat(kept.links().project()).hasToString("https://example.org/a%20b");
    Paper dots = digest.papers().get(1);
    assertThat(dots.id()).isEqualTo(PaperId.of("hf", ".."));
    assertThat(dots.links().discussion()).as("never a link to the site's root").isNull();
  }

  @Test
  void jsonWithAByteOrderMarkIsReadNormally() {
    server.enqueue(
        new MockResponse.Builder()
            .body(
                new okio.Buffer()
                    .write(okio.ByteString.decodeHex("efbbbf"))
                    .writeUtf8(fixture("daily_papers_2025-03-17.json")))
            .addHeader("Content-Type", "application/json")
            .build());
    assertThat(client.digest("hf-daily").on(LocalDate.of(2025, 3, 17)).size()).isEqualTo(12);
  }

  @Test
  void aTokenAHeaderCannotCarryFailsTheBuildAndIsNeverShown() {
    client.close();
    for (String token : List.of("hf_SECRET\nX-Injected: 1", "hf_SECRÉT")) {
      assertThatThrownBy(() -> builder().option("hf-daily", "token", token).build())
          .isInstanceOf(io.github.paperdigest.model.SourceConfigurationException.class)
          .hasMessageStartingWith(
              "hf-daily: the secret in setting token (system property paperdigest.hf-daily.token)")
          .hasMessageContaining("the value is not shown")
          .hasMessageNotContaining("SECR");
    }
    client = builder().build();
  }

  @Test
  void htmlFallbackWhenTheApiRouteIsGone() throws Exception {
    server.enqueue(new MockResponse.Builder().code(410).build());
    server.enqueue(
        new MockResponse.Builder()
            .body(fixture("papers_date_2025-10-03_handwritten.html"))
            .build());
    Digest digest = client.digest("hf-daily").on(LocalDate.of(2025, 10, 3));
    assertThat(digest.papers())
        .extracting(p -> p.id().value())
        .containsExactly("2510.02283", "2510.00446", "2510.02297");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/papers/date/2025-10-03");
  }

  @Test
  void htmlOnRequestAndChangedLayout() throws Exception {
    server.enqueue(
        new MockResponse.Builder().body(fixture("papers_layout_changed_handwritten.html")).build());
    assertThatThrownBy(() -> client.digest("hf-daily").option("html", "true").week("2025-W40"))
        .isInstanceOf(SourceParseException.class)
        .hasMessageContaining(
            "no element [data-target=\"DailyPapers\"] with a data-props attribute");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/papers/week/2025-W40");
  }

  @Test
  void searchUsesTheSearchEndpoint() throws Exception {
    enqueue("search_video_handwritten.json");
    List<Paper> found = client.from("hf-daily").search("video").limit(10).list();
    assertThat(found).extracting(p -> p.id().value()).containsExactly("2510.02283", "2510.01284");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/papers/search");
    assertThat(request.getUrl().queryParameter("q")).isEqualTo("video");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("10");
  }

  @Test
  void lookupAddsTheCitingRepositoriesAndUnknownIsEmpty() throws Exception {
    enqueue("paper_2510.02283_handwritten.json");
    enqueue("repos_2510.02283_handwritten.json");
    Paper p = client.from("hf-daily").paper(PaperId.parse("arxiv:2510.02283")).orElseThrow();
    assertThat(p.title()).startsWith("Self-Forcing++");
    assertThat(p.attribute(HfDaily.MODELS))
        .contains(List.of("bytedance-seed/self-forcing-plus-plus"));
    assertThat(p.attribute(HfDaily.SPACES)).contains(List.of("cuijiaxing/self-forcing-demo"));
    assertThat(p.attribute(HfDaily.DATASETS)).contains(List.of());
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/papers/2510.02283");
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/api/arxiv/2510.02283/repos");

    server.enqueue(
        new MockResponse.Builder().code(404).body("{\"error\":\"Paper not found\"}").build());
    assertThat(client.paper(PaperId.parse("arxiv:2510.99999"))).isEmpty();
  }

  @Test
  void tokenIsSentButNeverShown() throws Exception {
    client.close();
    client = builder().option("hf-daily", "token", "hf_SECRET123").build();
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"down\"}").build());
    Throwable error =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.digest("hf-daily").on(LocalDate.of(2025, 10, 3)));
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer hf_SECRET123");
    assertThat(error)
        .isInstanceOf(SourceHttpException.class)
        .hasMessageNotContaining("hf_SECRET123");
    List<String> shown = new ArrayList<>();
    shown.add(client.toString());
    shown.add(error.toString());
    client.sources().forEach(s -> shown.add(s.toString()));
    assertThat(String.join("\n", shown)).doesNotContain("hf_SECRET123");
  }

  @Test
  void freshnessFollowsTheAgeOfThePeriod() {
    enqueueJson("[]");
    enqueueJson("[]");
    client.digest("hf-daily").on(LocalDate.of(2025, 10, 3));
    client.digest("hf-daily").on(LocalDate.of(2025, 10, 3));
    assertThat(server.getRequestCount()).isEqualTo(1);
    FakeClock later = new FakeClock(Instant.parse("2025-10-20T12:00:00Z"));
    try (SourceHarness harness =
        SourceHarness.builder(new HfDailyProvider()).clock(later).build()) {
      HfDailySource source = (HfDailySource) harness.source();
      assertThat(source.freshness(io.github.paperdigest.model.DigestPeriod.parse("2025-10-20")))
          .isEqualTo(Duration.ofMinutes(5));
      assertThat(source.freshness(io.github.paperdigest.model.DigestPeriod.parse("2025-W43")))
          .isEqualTo(Duration.ofMinutes(5));
      assertThat(source.freshness(io.github.paperdigest.model.DigestPeriod.parse("2025-10-15")))
          .isEqualTo(Duration.ofHours(1));
      assertThat(source.freshness(io.github.paperdigest.model.DigestPeriod.parse("2025-09-30")))
          .isEqualTo(Duration.ofHours(6));
      assertThat(source.freshness(io.github.paperdigest.model.DigestPeriod.latest()))
          .isEqualTo(Duration.ofMinutes(5));
    }
  }
}

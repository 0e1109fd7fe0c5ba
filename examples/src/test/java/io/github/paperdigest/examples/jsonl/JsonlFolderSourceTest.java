package io.github.paperdigest.examples.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.hf.HfDaily;
import io.github.paperdigest.model.AttributeKey;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.render.PaperJson;
import io.github.paperdigest.testing.SourceHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin, through the core as users run it: a web folder and a local one. */
final class JsonlFolderSourceTest {
  // guide:test
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void readsADayFromAWebFolder() throws Exception {
    server.enqueue(new MockResponse.Builder().body(fixture("jsonl/2025-10-03.jsonl")).build());
    try (SourceHarness harness =
        SourceHarness.builder(new JsonlFolderProvider())
            .option("url", server.url("/papers/").toString()) // the source's URL setting
            .build()) {
      Digest digest = harness.client().digest("jsonl").on(LocalDate.of(2025, 10, 3));
      assertThat(digest.papers()).hasSize(39);
      assertThat(digest.papers().get(0).metrics().upvotes()).isEqualTo(43);
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/papers/2025-10-03.jsonl");
  }

  // guide:end

  @Test
  void aDayWithoutAFileIsAnEmptyDigestAndOtherErrorsAreTyped() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());
    server.enqueue(new MockResponse.Builder().body("{\"id\":\"arxiv:2510.02283\"}\n").build());
    server.enqueue(new MockResponse.Builder().body("\n[1, 2]\n").build());
    try (SourceHarness harness =
        SourceHarness.builder(new JsonlFolderProvider())
            .option("url", server.url("/papers").toString()) // no trailing slash: still a folder
            .build()) {
      Digest none = harness.client().digest("jsonl").on(LocalDate.of(2025, 10, 2));
      assertThat(none.papers()).isEmpty();
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/papers/2025-10-02.jsonl");
      assertThatThrownBy(() -> harness.client().digest("jsonl").on(LocalDate.of(2025, 10, 1)))
          .isInstanceOf(SourceParseException.class)
          .hasMessageEndingWith("line 1: a paper with \"id\" and \"title\"");
      assertThatThrownBy(() -> harness.client().digest("jsonl").on(LocalDate.of(2025, 9, 30)))
          .isInstanceOf(SourceParseException.class)
          .hasMessageEndingWith("line 2: a JSON object");
      // a web folder has no listing: anything but a day fails before any request
      assertThatThrownBy(() -> harness.query().search("video").list())
          .isInstanceOf(UnsupportedQueryException.class);
      assertThatThrownBy(() -> harness.client().digest("jsonl").latest())
          .isInstanceOf(UnsupportedQueryException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void writtenReadAndWrittenAgainIsTheSameText(@TempDir Path dir) throws Exception {
    String written = fixture("jsonl/2025-10-03.jsonl");
    Files.writeString(dir.resolve("2025-10-03.jsonl"), written);
    try (SourceHarness harness =
        SourceHarness.builder(new JsonlFolderProvider()).option("dir", dir.toString()).build()) {
      List<Paper> papers = harness.client().digest("jsonl").on(LocalDate.of(2025, 10, 3)).papers();
      assertThat(papers).hasSize(39);
      // every attribute came back, as the JSON value it was written as
      Paper first = papers.get(0);
      assertThat(first.attribute(AttributeKey.of("hf.aiSummary", String.class)))
          .hasValueSatisfying(s -> assertThat(s).startsWith("A method is proposed"));
      assertThat(first.attribute(HfDaily.SUBMITTER)).isPresent(); // text, as hf-daily types it
      assertThat(first.attribute(AttributeKey.of("hf.authors", List.class))).isPresent();
      // hf-daily's own keys type these as a date and a list of records: not these JSON values,
      // so they are empty here, not a ClassCastException where the value is used
      assertThat(first.attribute(HfDaily.DAILY_DATE)).isEmpty();
      assertThat(first.attribute(HfDaily.AUTHORS)).isEmpty();
      Buffer again = new Buffer();
      for (Paper p : papers) {
        try (JsonWriter line = JsonWriter.of(again)) {
          PaperJson.write(line, p.toBuilder().source("hf-daily").build());
        }
        again.writeUtf8("\n");
      }
      assertThat(again.readUtf8()).isEqualTo(written);
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = JsonlFolderSourceTest.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

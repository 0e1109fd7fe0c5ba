package io.github.paperdigest;

import static io.github.paperdigest.testing.Json.page;
import static io.github.paperdigest.testing.Json.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceHttpException;
import io.github.paperdigest.model.SourceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RecordReplayTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  static final String P1 =
      paper("2510.00001", "Sparse attention", 40, "2025-10-01T00:00:00Z", "Ada");
  static final String P2 = paper("2510.00002", "Dense retrieval", 7, "2025-10-01T00:00:00Z", "Bob");

  private PaperDigest.Builder builder() {
    return PaperDigest.builder().option("test", "base-url", server.url("/").toString());
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void recordsWhatTheNetworkSaidAndReplaysItWithoutTheNetwork() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(page("2", P1))
            .addHeader("Content-Type", "application/json")
            .addHeader("Set-Cookie", "session=secret")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .body(page(null, P2))
            .addHeader("Content-Type", "application/json")
            .build());
    List<Paper> online;
    try (PaperDigest client = builder().record(dir).build()) {
      online = client.from("test").search("attention").list();
    }
    assertThat(online).hasSize(2);
    assertThat(files()).hasSize(4).allMatch(f -> f.startsWith(server.getHostName() + "/papers-"));
    String meta = Files.readString(dir.resolve(files().get(1)));
    assertThat(meta)
        .contains("\"method\": \"GET\"", "\"code\": 200", "application/json", "?q=attention")
        .doesNotContain("secret");

    server.close();
    try (PaperDigest offline = builder().replay(dir).build()) {
      assertThat(offline.from("test").search("attention").list()).isEqualTo(online);
    }
  }

  @Test
  void errorsAreRecordedAndReplayedAsErrors() {
    server.enqueue(new MockResponse.Builder().code(404).body("no such paper list").build());
    try (PaperDigest client = builder().record(dir).build()) {
      assertThatThrownBy(() -> client.from("test").search("x").list())
          .isInstanceOf(SourceHttpException.class);
    }
    try (PaperDigest offline = builder().replay(dir).build()) {
      assertThatThrownBy(() -> offline.from("test").search("x").list())
          .isInstanceOfSatisfying(
              SourceHttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.publisherMessage()).isEqualTo("no such paper list");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownRequestFailsNamingIt() throws Exception {
    Files.writeString(
        dir.resolve("one.json"),
        "{\"url\": \""
            + server.url("/papers?q=b&flavour=a")
            + "\", \"body\": \"one.body\","
            + " \"headers\": {\"Content-Type\": \"application/json\"}}");
    Files.writeString(dir.resolve("one.body"), page(null, P1));
    try (PaperDigest offline = builder().replay(dir).build()) {
      // parameters in another order still match a hand-written recording
      assertThat(offline.from("test").search("b").option("flavour", "a").list()).hasSize(1);
      assertThatThrownBy(() -> offline.from("test").search("c").list())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("no recording of this GET request in " + dir)
          .hasMessageContaining("(1 recorded exchanges) (" + server.url("/papers?q=c") + ")");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void replaysFromInsideAJar() throws Exception {
    Path jar = dir.resolve("recordings.jar");
    try (FileSystem zip =
        FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of("create", "true"))) {
      Path root = zip.getPath("/rec");
      Files.createDirectories(root);
      Files.writeString(
          root.resolve("a.json"),
          "{\"method\": \"GET\", \"url\": \""
              + server.url("/papers?q=z")
              + "\", \"code\": 200, \"body\": \"a.body\"}");
      Files.writeString(root.resolve("a.body"), page(null, P2));
    }
    try (FileSystem zip = FileSystems.newFileSystem(jar);
        PaperDigest offline = builder().replay(zip.getPath("/rec")).build()) {
      assertThat(offline.from("test").search("z").list())
          .extracting(Paper::title)
          .containsExactly("Dense retrieval");
      // a miss names the folder inside the jar, not a bare "/rec" nobody can find
      assertThatThrownBy(() -> offline.from("test").search("y").list())
          .hasMessageContaining("no recording of this GET request in jar:" + jar.toUri())
          .hasMessageContaining("!/rec");
    }
  }

  @Test
  void badSetupsFailAtBuild() throws Exception {
    assertThatThrownBy(() -> builder().record(dir).replay(dir).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> builder().replay(dir.resolve("missing")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No recordings directory");
    Files.writeString(dir.resolve("bad.json"), "[1, 2]");
    assertThatThrownBy(() -> builder().replay(dir).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json");
  }
}

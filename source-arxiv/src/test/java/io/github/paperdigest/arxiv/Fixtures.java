package io.github.paperdigest.arxiv;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.testing.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * The recorded and hand-written responses in {@code src/test/resources/arxiv} (see SOURCES.md
 * there).
 */
final class Fixtures {
  private Fixtures() {}

  /**
   * A client builder with every arXiv endpoint on {@code server}, the fake {@code clock} (and its
   * sleeper), and the arXiv settings given as name, value pairs.
   */
  static PaperDigest.Builder client(MockWebServer server, FakeClock clock, String... settings) {
    PaperDigest.Builder b =
        PaperDigest.builder()
            .option("arxiv", "api-url", server.url("/api/query").toString())
            .option("arxiv", "rss-url", server.url("/rss").toString())
            .option("arxiv", "listing-url", server.url("/list/").toString())
            .clock(clock)
            .sleeper(clock.sleeper());
    for (int i = 0; i < settings.length; i += 2) {
      b.option("arxiv", settings[i], settings[i + 1]);
    }
    return b;
  }

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/arxiv/" + name)) {
      if (in == null) {
        throw new AssertionError("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static MockResponse atom(String name) {
    return xml(200, read(name), "application/atom+xml; charset=utf-8");
  }

  static MockResponse xml(int code, String body, String type) {
    return new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", type).build();
  }

  /** A feed of the API with {@code entries} (Atom {@code <entry>} elements) and totalResults. */
  static String feed(long total, String entries) {
    return "<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
        + " xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "  <id>https://arxiv.org/api/test</id>\n  <title>arXiv Query</title>\n"
        + "  <opensearch:totalResults>"
        + total
        + "</opensearch:totalResults>\n"
        + entries
        + "</feed>\n";
  }

  /** A minimal entry for {@code id} (e.g. {@code 2501.00001v1}). */
  static String entry(String id, String title) {
    return "  <entry>\n    <id>http://arxiv.org/abs/"
        + id
        + "</id>\n    <title>"
        + title
        + "</title>\n"
        + "    <summary>Abstract of "
        + id
        + ".</summary>\n    <published>2025-01-02T03:04:05Z</published>\n"
        + "    <updated>2025-01-02T03:04:05Z</updated>\n    <author><name>A. Author</name></author>\n"
        + "    <arxiv:primary_category term=\"cs.CL\"/>\n    <category term=\"cs.CL\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"
        + "  </entry>\n";
  }
}

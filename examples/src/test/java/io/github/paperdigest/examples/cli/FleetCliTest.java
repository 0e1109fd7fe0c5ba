package io.github.paperdigest.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code paperdigest} processes started at the same moment join one Hazelcast cluster on
 * localhost (TCP-IP join, multicast off) through {@code -Dpaperdigest.hazelcast.config}, and run
 * the same three-page search against one local server playing arXiv: the server sees each distinct
 * request once, the interval apart.
 */
@Timeout(240)
final class FleetCliTest {
  private static final long INTERVAL_MS = 300;

  @StartStop private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();

  /** A page of ten generated entries from {@code start} (test data, in the API's Atom form). */
  private static String page(int start) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\""
                + " xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<opensearch:totalResults>1000</opensearch:totalResults>\n");
    for (int i = start; i < start + 10; i++) {
      String id = String.format("2501.%05dv1", i);
      b.append("<entry><id>http://arxiv.org/abs/")
          .append(id)
          .append("</id><title>Fleet paper ")
          .append(i)
          .append("</title><summary>About ")
          .append(i)
          .append(".</summary><published>2025-01-02T03:04:05Z</published>")
          .append("<author><name>A. Author</name></author></entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  @Test
  void threeCliProcessesInOneClusterSendEachDistinctRequestOnceTheIntervalApart() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            arrivals.add(System.nanoTime());
            int start = Integer.parseInt(request.getUrl().queryParameter("start"));
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/atom+xml")
                .body(page(start))
                .build();
          }
        });
    Path config = dir.resolve("hazelcast.xml");
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      members.append("<member>127.0.0.1:").append(5921 + i).append("</member>");
    }
    Files.writeString(
        config,
        "<hazelcast xmlns=\"http://www.hazelcast.com/schema/config\">"
            + "<cluster-name>paperdigest-cli-"
            + UUID.randomUUID()
            + "</cluster-name><properties>"
            + "<property name=\"hazelcast.phone.home.enabled\">false</property>"
            + "<property name=\"hazelcast.logging.type\">none</property>"
            + "<property name=\"hazelcast.wait.seconds.before.join\">0</property>"
            // each process waits for the other two before its first query
            + "<property name=\"hazelcast.initial.min.cluster.size\">3</property>"
            + "</properties><network><port auto-increment=\"true\" port-count=\"5\">5921</port>"
            + "<interfaces enabled=\"true\"><interface>127.0.0.1</interface></interfaces>"
            + "<join><multicast enabled=\"false\"/><auto-detection enabled=\"false\"/>"
            + "<tcp-ip enabled=\"true\">"
            + members
            + "</tcp-ip></join></network></hazelcast>",
        StandardCharsets.UTF_8);

    List<Process> processes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        processes.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    PaperDigestCli.class.getName(),
                    "search",
                    "arxiv",
                    "fleet",
                    "--limit",
                    "30",
                    "--format",
                    "jsonl",
                    "-Dpaperdigest.hazelcast.config=" + config,
                    "-Dpaperdigest.arxiv.api-url=" + server.url("/api/query"),
                    "-Dpaperdigest.arxiv.page-size=10",
                    "-Dpaperdigest.arxiv.min-interval=PT0.3S")
                .redirectOutput(dir.resolve("out" + i + ".jsonl").toFile())
                .redirectError(dir.resolve("err" + i + ".txt").toFile())
                .start());
      }
      for (int i = 0; i < 3; i++) {
        Process p = processes.get(i);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("process %d ends", i).isTrue();
        assertThat(p.exitValue())
            .as("process %d: %s", i, read(dir.resolve("err" + i + ".txt")))
            .isZero();
        assertThat(Files.readAllLines(dir.resolve("out" + i + ".jsonl"))).hasSize(30);
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }

    List<String> starts = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      starts.add(server.takeRequest().getUrl().queryParameter("start"));
    }
    assertThat(starts).containsExactlyInAnyOrder("0", "10", "20"); // each distinct request once
    List<Long> sorted = new ArrayList<>(arrivals);
    Collections.sort(sorted);
    for (int i = 1; i < sorted.size(); i++) {
      // the processes reserve starts on the cluster's clock, which each member estimates from the
      // master's: allow its few milliseconds of error
      assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 1)))
          .isGreaterThanOrEqualTo(INTERVAL_MS - 20);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}

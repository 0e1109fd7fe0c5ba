package io.github.paperdigest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.SourceParseException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * A 30 MB answer, whatever its shape, ends in a result or a typed error in a 256 MiB heap (this
 * test runs in its own JVM with {@code -Xmx256m}), never an {@code OutOfMemoryError}: the parsers
 * stream, so memory follows the papers kept, not the bytes. The old map-building parser needed 1.9
 * GB for 30 MB of {@code [{},{},…]}. Prints the peak heap in use while parsing (sampled every
 * millisecond, garbage included) beside the answer's size, for BENCHMARKS.md.
 */
final class MemoryBoundTest {
  private static final int SIZE = 30_000_000;

  @StartStop private final MockWebServer server = new MockWebServer();

  private PaperDigest client() {
    return PaperDigest.builder()
        .option("hf-daily", "base-url", server.url("/").toString())
        .cache(false)
        .build();
  }

  /** Serves {@code body}; the caller's copy can then be collected, the server keeps its own. */
  private void serve(Buffer body) {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  @Test
  void thirtyMegabytesOfEmptyObjectsFailFastAndSmall() throws Exception {
    Buffer body = new Buffer().writeUtf8("[");
    while (body.size() < SIZE) {
      body.writeUtf8("{},".repeat(10_000));
    }
    body.writeUtf8("{}]");
    long bytes = body.size();
    serve(body);
    try (PaperDigest client = client()) {
      long peak =
          peakWhile(
              () ->
                  assertThatThrownBy(() -> client.digest("hf-daily").on(LocalDate.of(2025, 9, 30)))
                      .isInstanceOf(SourceParseException.class)
                      .hasMessageContaining("$[0].id: missing"));
      report("30 MB of [{},{},…]", bytes, peak);
    }
  }

  @Test
  void thirtyMegabytesOfRealItemsParse() throws Exception {
    String day = Resources.text("hf-daily/daily_papers_2025-09-30.json").strip();
    String items = day.substring(1, day.length() - 1); // the 50 items, without the brackets
    Buffer body = new Buffer().writeUtf8("[").writeUtf8(items);
    int copies = 1;
    while (body.size() < SIZE) {
      body.writeUtf8(",").writeUtf8(items);
      copies++;
    }
    body.writeUtf8("]");
    long bytes = body.size();
    serve(body);
    serve(new Buffer().writeUtf8("[]")); // the next page, asked for since this one was full
    try (PaperDigest client = client()) {
      Digest[] digest = new Digest[1];
      long peak =
          peakWhile(() -> digest[0] = client.digest("hf-daily").on(LocalDate.of(2025, 9, 30)));
      // every copy was read and mapped; the page keeps each paper once
      assertThat(digest[0].papers()).hasSize(50);
      report("30 MB of real items (" + copies * 50 + " papers, 50 distinct)", bytes, peak);
    }
  }

  /** The peak heap in use while {@code work} runs, above what was in use before it started. */
  private static long peakWhile(Runnable work) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    try {
      work.run();
    } finally {
      done.set(true);
      sampler.join(1_000);
    }
    return Math.max(0, peak.get() - before);
  }

  private static void report(String what, long bytes, long peak) {
    System.out.printf(
        "memory bound: %s: %.1f MB answer, peak heap in use while parsing %.1f MB above the"
            + " baseline (%.2f x the answer; -Xmx256m)%n",
        what, bytes / 1e6, peak / 1e6, (double) peak / bytes);
  }
}

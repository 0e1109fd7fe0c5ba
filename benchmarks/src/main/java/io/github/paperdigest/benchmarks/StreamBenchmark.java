package io.github.paperdigest.benchmarks;

import io.github.paperdigest.PaperDigest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 30,000-result arXiv search streamed to the end in a 64 MiB heap: 15 pages of 2,000 generated
 * entries each (about 1 MB of Atom per page), served from memory, read lazily with {@code
 * stream()}, as a user with the default client settings would (the result cache on). Reports the
 * time and the peak heap in use while streaming ({@code peakHeapMiB}, sampled every millisecond:
 * live objects and garbage not yet collected).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-Xms64m"})
public class StreamBenchmark {

  /** The client and the page generator. */
  @State(Scope.Benchmark)
  public static class Pages {
    PaperDigest client;

    @Setup(Level.Trial)
    public void setUp() {
      client = InMemory.client(Pages::page, "application/atom+xml", true);
      System.gc();
    }

    @Setup(Level.Iteration)
    public void emptyCache() {
      client.invalidateCache();
      System.gc();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
    }

    /**
     * The page of 2,000 entries that {@code start} asks for, generated, 50,000 results announced.
     */
    static byte[] page(Request request) {
      int start = Integer.parseInt(request.url().queryParameter("start"));
      int max = Integer.parseInt(request.url().queryParameter("max_results"));
      StringBuilder b =
          new StringBuilder(max * 560)
              .append("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns:")
              .append(
                  "opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\" ")
              .append(
                  "xmlns=\"http://www.w3.org/2005/Atom\"><opensearch:totalResults>50000</opensearch:totalResults>\n");
      for (int i = start; i < start + max; i++) {
        String id = String.format("2501.%05dv1", i);
        b.append("<entry><id>http://arxiv.org/abs/")
            .append(id)
            .append("</id><title>Generated paper ")
            .append(i)
            .append(
                " on streaming</title><updated>2025-01-02T03:04:05Z</updated><summary>An abstract of a few words, ")
            .append(
                "long enough to be realistic for a benchmark of parsing and streaming many results.</summary>")
            .append(
                "<published>2025-01-02T03:04:05Z</published><author><name>A. Author</name></author>")
            .append(
                "<author><name>B. Author</name></author><arxiv:primary_category term=\"cs.CL\"/>")
            .append(
                "<category term=\"cs.CL\"/><category term=\"cs.LG\"/><link href=\"https://arxiv.org/abs/")
            .append(id)
            .append("\" rel=\"alternate\"/><link href=\"https://arxiv.org/pdf/")
            .append(id)
            .append("\" title=\"pdf\"/></entry>\n");
      }
      return b.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Papers streamed and the peak heap in use (MiB), summed over the iterations. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Heap {
    public long peakHeapMiB;
    public long papers;
  }

  @Benchmark
  public long stream30000(Pages pages, Heap heap) throws Exception {
    PeakHeap.Sampled<Long> run =
        PeakHeap.during(() -> pages.client.from("arxiv").search("streaming").stream().count());
    heap.peakHeapMiB += run.peakMiB();
    heap.papers += run.result();
    System.out.println(
        "streamed "
            + run.result()
            + " papers, peak heap in use "
            + run.peakMiB()
            + " MiB of "
            + PeakHeap.maxMiB()
            + " MiB");
    return run.result();
  }
}

package io.github.paperdigest.benchmarks;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.arxiv.Arxiv;
import io.github.paperdigest.arxiv.ArxivHarvest;
import io.github.paperdigest.arxiv.OaiFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * An OAI-PMH harvest of 100,000 arXivRaw records in a 64 MiB heap: 100 pages of 1,000 generated
 * records each (about 2.4 MB of XML a page, the size of arXiv's own), served from memory, read with
 * {@link ArxivHarvest} as the CLI does, a checkpoint written to a state file after every page (it
 * ends holding the 100,000 ids of the window). Reports the time and the peak heap in use ({@code
 * peakHeapMiB}, sampled every millisecond: live objects and garbage not yet collected).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-Xms64m"})
public class HarvestBenchmark {
  static final int PAGES = 100;
  static final int PER_PAGE = 1_000;

  /** The client, the page generator and the state file. */
  @State(Scope.Benchmark)
  public static class Pages {
    PaperDigest client;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      client = InMemory.client(Pages::page, "text/xml; charset=utf-8", true);
      dir = Files.createTempDirectory("harvest-benchmark");
      System.gc();
    }

    @Setup(Level.Iteration)
    public void freshState() throws IOException {
      Files.deleteIfExists(dir.resolve("h.state"));
      System.gc();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      client.close();
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }

    /** The page the resumption token (its number) asks for; the first without one. */
    static byte[] page(Request request) {
      String token = request.url().queryParameter("resumptionToken");
      int n = token == null ? 0 : Integer.parseInt(token);
      StringBuilder b =
          new StringBuilder(PER_PAGE * 2_500)
              .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
              .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
              .append("<responseDate>2025-01-08T00:00:00Z</responseDate>\n<ListRecords>\n");
      for (int i = n * PER_PAGE; i < (n + 1) * PER_PAGE; i++) {
        String id = String.format("2501.%05d", i);
        b.append("<record><header><identifier>oai:arXiv.org:")
            .append(id)
            .append("</identifier><datestamp>2025-01-0")
            .append(1 + i % 7)
            .append("</datestamp><setSpec>cs</setSpec></header><metadata>")
            .append("<arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>")
            .append(id)
            .append("</id><submitter>A. Author</submitter>")
            .append("<version version=\"v1\"><date>Mon, 6 Jan 2025 10:00:00 GMT</date>")
            .append("<size>512kb</size><source_type>D</source_type></version>")
            .append("<version version=\"v2\"><date>Tue, 7 Jan 2025 11:00:00 GMT</date>")
            .append("<size>520kb</size><source_type>D</source_type></version>")
            .append("<title>A generated paper number ")
            .append(i)
            .append(" on harvesting metadata in bounded memory\n  with resumption tokens</title>")
            .append("<authors>Ada Lovelace, Alan Turing (Bletchley Park), Grace Hopper and")
            .append(" Edsger W. Dijkstra</authors><categories>cs.DL cs.IR</categories>")
            .append("<comments>12 pages, 3 figures</comments>")
            .append("<journal-ref>J. Harvests 1 (2025) 1-12</journal-ref>")
            .append("<license>http://creativecommons.org/licenses/by/4.0/</license><abstract>");
        for (int s = 0; s < 12; s++) {
          b.append(" A sentence of the abstract, wrapped as arXiv wraps them, about harvests\n");
        }
        b.append("</abstract></arXivRaw></metadata></record>\n");
      }
      b.append(
          n + 1 < PAGES
              ? "<resumptionToken cursor=\""
                  + n * PER_PAGE
                  + "\" completeListSize=\""
                  + PAGES * PER_PAGE
                  + "\">"
                  + (n + 1)
                  + "</resumptionToken>"
              : "<resumptionToken/>");
      return b.append("\n</ListRecords>\n</OAI-PMH>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Records harvested and the peak heap in use (MiB), summed over the iterations. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Heap {
    public long peakHeapMiB;
    public long records;
  }

  @Benchmark
  public long harvest100000(Pages pages, Heap heap) throws Exception {
    long start = System.nanoTime();
    PeakHeap.Sampled<Long> run =
        PeakHeap.during(
            () -> {
              try (ArxivHarvest.Run harvest =
                  Arxiv.harvest(pages.client)
                      .set("cs")
                      .from(LocalDate.of(2025, 1, 1))
                      .until(LocalDate.of(2025, 1, 7))
                      .metadata(OaiFormat.ARXIV_RAW)
                      .state(pages.dir.resolve("h.state"))
                      .start()) {
                return harvest.papers().count();
              }
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.peakHeapMiB += run.peakMiB();
    heap.records += run.result();
    System.out.printf(
        "harvested %d records in %.2f s (%.0f records/s), peak heap in use %d MiB of %d MiB%n",
        run.result(), seconds, run.result() / seconds, run.peakMiB(), PeakHeap.maxMiB());
    return run.result();
  }
}

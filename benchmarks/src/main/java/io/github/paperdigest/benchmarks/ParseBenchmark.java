package io.github.paperdigest.benchmarks;

import com.squareup.moshi.JsonReader;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse throughput in papers per second, each source on its recorded page (the 100-entry arXiv
 * page, the 50-item Hugging Face day) through the SDK's whole parse path, next to the raw parser
 * alone on the same bytes (jsoup's XML parser; Moshi reading to a {@code Map}). The difference is
 * what mapping into the common model costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ParseBenchmark {
  private byte[] arxivPage;
  private byte[] hfDay;
  private PaperDigest arxiv;
  private PaperDigest hf;

  @Setup(Level.Trial)
  public void setUp() {
    arxivPage = InMemory.resource("arxiv/api_query_all-testing_start0_max100_100entries.xml");
    hfDay = InMemory.resource("hf-daily/daily_papers_2025-09-30.json");
    arxiv = InMemory.client(r -> arxivPage, "application/atom+xml", false);
    hf =
        InMemory.client(
            r ->
                r.url().queryParameter("p").equals("0")
                    ? hfDay
                    : "[]".getBytes(StandardCharsets.UTF_8),
            "application/json",
            false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arxiv.close();
    hf.close();
  }

  /** The arXiv source: Atom page to 100 papers. */
  @Benchmark
  @OperationsPerInvocation(100)
  public List<Paper> arxivSource() {
    return arxiv.from("arxiv").search("testing").limit(100).list();
  }

  /** jsoup's XML parser alone on the same page. */
  @Benchmark
  @OperationsPerInvocation(100)
  public Document arxivRawJsoup() {
    return Jsoup.parse(new String(arxivPage, StandardCharsets.UTF_8), "", Parser.xmlParser());
  }

  /** The hf-daily source: a JSON day to 50 papers (page-size 100, so one request). */
  @Benchmark
  @OperationsPerInvocation(50)
  public List<Paper> hfSource() {
    return hf.digest("hf-daily").on(LocalDate.of(2025, 9, 30)).papers();
  }

  /** Moshi alone reading the same day into maps and lists. */
  @Benchmark
  @OperationsPerInvocation(50)
  public Object hfRawMoshi() throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(hfDay))) {
      return reader.readJsonValue();
    }
  }

  /**
   * Moshi's reader skipping the same day, value by value, building nothing: the floor of any parser
   * built on Moshi's {@code JsonReader}, which must at least read past every byte.
   */
  @Benchmark
  @OperationsPerInvocation(50)
  public int hfRawMoshiSkip() throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(hfDay))) {
      reader.skipValue();
      return reader.getPath().length();
    }
  }
}

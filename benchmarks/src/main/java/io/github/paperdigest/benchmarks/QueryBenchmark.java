package io.github.paperdigest.benchmarks;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
 * Queries through the client: a warm cached query (ns/op), a cold query to a local MockWebServer
 * serving the recorded 10-entry arXiv page (µs/op), and 64 concurrent identical cold queries,
 * counting the upstream requests they make (1 is right: one call is shared). arXiv's 3-second
 * interval is set to zero explicitly here, as a mirror would.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryBenchmark {

  /** A MockWebServer with the recorded page, and clients pointed at it. */
  @State(Scope.Benchmark)
  public static class Server {
    final AtomicLong requests = new AtomicLong();
    MockWebServer server;
    PaperDigest cached;
    PaperDigest uncached;
    int cold;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      byte[] page = InMemory.resource("arxiv/api_query_all-testing_start0_max10.xml");
      server = new MockWebServer();
      server.setServerSocketFactory(new NoDelayServerSockets());
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              requests.incrementAndGet();
              return new MockResponse.Builder()
                  .body(new okio.Buffer().write(page))
                  .addHeader("Content-Type", "application/atom+xml")
                  .build();
            }
          });
      server.start();
      cached = client(true);
      uncached = client(false);
      cached.from("arxiv").search("testing").limit(10).list(); // warm
    }

    private PaperDigest client(boolean cache) {
      return PaperDigest.builder()
          .option("arxiv", "api-url", server.url("/api/query").toString())
          .option("arxiv", "min-interval", "PT0S")
          .option("arxiv", "max-concurrent", "64")
          .cache(cache)
          .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      cached.close();
      uncached.close();
      server.close();
    }
  }

  /** Queries made and upstream requests they caused, in all (reported beside the time). */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Upstream {
    public long queries;
    public long upstreamRequests;
  }

  /** A query answered from the cache. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public List<Paper> warmCachedQuery(Server s) {
    return s.cached.from("arxiv").search("testing").limit(10).list();
  }

  /** A query that goes to the (local) server every time: HTTP, parse, plan, no cache. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Paper> coldQuery(Server s) {
    return s.uncached.from("arxiv").search("testing").limit(10).list();
  }

  /** 64 identical queries at once on an empty cache: one upstream request serves them all. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int concurrentIdenticalColdQueries(Server s, Upstream counter) {
    s.cached.invalidateCache();
    long before = s.requests.get();
    List<CompletableFuture<List<Paper>>> calls = new ArrayList<>(64);
    for (int i = 0; i < 64; i++) {
      calls.add(s.cached.from("arxiv").search("testing").limit(10).listAsync());
    }
    int papers = 0;
    for (CompletableFuture<List<Paper>> c : calls) {
      papers += c.join().size();
    }
    counter.queries += calls.size();
    counter.upstreamRequests += s.requests.get() - before;
    return papers;
  }
}

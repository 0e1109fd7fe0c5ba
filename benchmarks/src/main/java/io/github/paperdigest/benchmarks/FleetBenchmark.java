package io.github.paperdigest.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.hazelcast.HazelcastFleet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fleet against independent clients, on one workload: 3 members, each running 20 arXiv searches
 * (4 rounds over 5 distinct queries) from 20 threads, against a local server playing arXiv
 * (recorded page, 50 ms per answer), with arXiv's interval shortened to 300 ms. Once with three
 * clients coordinated on an embedded 3-member Hazelcast cluster, once with three independent
 * clients. Prints the requests that reached the publisher, the total time, and the smallest gap
 * between two arrivals there (the politeness the publisher saw).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.paperdigest.benchmarks.FleetBenchmark
 * </pre>
 */
public final class FleetBenchmark {
  private static final int MEMBERS = 3;
  private static final int QUERIES = 20;
  private static final int KEYS = 5;

  private FleetBenchmark() {}

  public static void main(String[] args) throws Exception {
    byte[] page = InMemory.resource("arxiv/api_query_all-testing_start0_max10.xml");
    for (boolean fleet : new boolean[] {true, false, true, false}) {
      run(fleet, new String(page, StandardCharsets.UTF_8));
    }
    System.exit(0);
  }

  private static void run(boolean fleet, String page) throws Exception {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    List<HazelcastInstance> members = new ArrayList<>();
    List<PaperDigest> clients = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
              arrivals.add(System.nanoTime());
              Thread.sleep(50);
              return new MockResponse.Builder()
                  .addHeader("Content-Type", "application/atom+xml")
                  .body(page)
                  .build();
            }
          });
      server.start();
      String cluster = "paperdigest-bench-" + UUID.randomUUID();
      for (int i = 0; i < MEMBERS; i++) {
        PaperDigest.Builder b =
            PaperDigest.builder()
                .option("arxiv", "api-url", server.url("/api/query").toString())
                .option("arxiv", "min-interval", "PT0.3S");
        if (fleet) {
          HazelcastInstance hz = Hazelcast.newHazelcastInstance(config(cluster));
          members.add(hz);
          b.coordination(HazelcastFleet.coordination(hz));
        }
        clients.add(b.build());
      }
      ExecutorService pool = Executors.newFixedThreadPool(MEMBERS * QUERIES);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int m = 0; m < MEMBERS; m++) {
        PaperDigest client = clients.get(m);
        for (int q = 0; q < QUERIES; q++) {
          String text = "key" + (q % KEYS);
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    return client.from("arxiv").search(text).limit(10).list();
                  }));
        }
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      List<Long> sorted = new ArrayList<>(arrivals);
      Collections.sort(sorted);
      long minGap = Long.MAX_VALUE;
      for (int i = 1; i < sorted.size(); i++) {
        minGap = Math.min(minGap, TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 1)));
      }
      System.out.printf(
          "%-22s %d queries: %2d requests reached the publisher in %.2f s, smallest gap %d ms%n",
          fleet ? "fleet of 3 members" : "3 independent clients",
          MEMBERS * QUERIES,
          server.getRequestCount(),
          seconds,
          minGap);
    } finally {
      clients.forEach(PaperDigest::close);
      members.forEach(hz -> hz.getLifecycleService().terminate());
    }
  }

  private static Config config(String cluster) {
    Config c = new Config().setClusterName(cluster);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "none");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    NetworkConfig n = c.getNetworkConfig().setPort(5851).setPortAutoIncrement(true);
    n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig j = n.getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    for (int i = 0; i < MEMBERS; i++) {
      j.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + (5851 + i));
    }
    return HazelcastFleet.configure(c);
  }
}

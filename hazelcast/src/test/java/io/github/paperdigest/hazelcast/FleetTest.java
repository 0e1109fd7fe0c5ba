package io.github.paperdigest.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceHttpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three embedded Hazelcast members in one JVM, each with its own client, against one MockWebServer
 * playing arXiv: one request per cold key for the fleet, the interval held across members, a member
 * dying mid-load taken over, failures stored nowhere.
 */
@Timeout(120)
final class FleetTest {
  static final String PAGE = read("arxiv/api_query_all-testing_start0_max10.xml");
  static final long INTERVAL_MS = 300;

  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<PaperDigest> clients = new ArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  static String read(String path) {
    try (InputStream in = FleetTest.class.getResourceAsStream("/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no resource " + path, e);
    }
  }

  /** A member of a cluster of its own name on loopback: TCP-IP join, no multicast. */
  static Config config(String cluster, int port) {
    Config c =
        new Config().setClusterName(cluster).setInstanceName(cluster + "-" + UUID.randomUUID());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "none");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    NetworkConfig n =
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(10);
    n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig j = n.getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    var tcp = j.getTcpIpConfig().setEnabled(true);
    for (int i = 0; i < 5; i++) {
      tcp.addMember("127.0.0.1:" + (port + i));
    }
    return HazelcastFleet.configure(c);
  }

  @BeforeEach
  void startFleet() throws Exception {
    String cluster = "paperdigest-test-" + UUID.randomUUID();
    ExecutorService start = Executors.newFixedThreadPool(3);
    List<Future<HazelcastInstance>> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(start.submit(() -> Hazelcast.newHazelcastInstance(config(cluster, 5811))));
    }
    for (Future<HazelcastInstance> f : started) {
      members.add(f.get(60, TimeUnit.SECONDS));
    }
    start.shutdown();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (members.get(0).getCluster().getMembers().size() < 3 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(members.get(0).getCluster().getMembers()).hasSize(3);
    for (HazelcastInstance hz : members) {
      clients.add(
          PaperDigest.builder()
              .option("arxiv", "api-url", server.url("/api/query").toString())
              .option("arxiv", "min-interval", "PT0.3S")
              .option("arxiv", "max-retries", "0")
              .coordination(HazelcastFleet.coordination(hz))
              .build());
    }
  }

  @AfterEach
  void stopFleet() {
    clients.forEach(PaperDigest::close);
    members.forEach(hz -> hz.getLifecycleService().terminate());
  }

  /** Answers every query with the recorded page, after {@code delayMs}, tracking concurrency. */
  private void serve(long delayMs) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            arrivals.add(System.nanoTime());
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
              Thread.sleep(delayMs);
              return new MockResponse.Builder()
                  .addHeader("Content-Type", "application/atom+xml")
                  .body(PAGE)
                  .build();
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
  }

  private List<Paper> query(int member, String text) {
    return clients.get(member).from("arxiv").search(text).limit(10).list();
  }

  @Test
  void thirtyConcurrentIdenticalColdQueriesOverThreeMembersMakeOneRequest() throws Exception {
    serve(100);
    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Paper>>> results = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int member = i % 3;
      results.add(
          pool.submit(
              () -> {
                go.await();
                return query(member, "testing");
              }));
    }
    go.countDown();
    for (Future<List<Paper>> r : results) {
      assertThat(r.get(60, TimeUnit.SECONDS)).hasSize(10);
    }
    pool.shutdown();
    assertThat(server.getRequestCount()).isEqualTo(1);
    // every member's answer equals the one fetched
    assertThat(query(1, "testing")).isEqualTo(query(2, "testing"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void requestsAreTheIntervalApartAndOneAtATimeAcrossMembers() throws Exception {
    serve(20);
    ExecutorService pool = Executors.newFixedThreadPool(9);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Paper>>> results = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      int member = i % 3;
      String text = "key" + i; // nine distinct requests, three from each member
      results.add(
          pool.submit(
              () -> {
                go.await();
                return query(member, text);
              }));
    }
    go.countDown();
    for (Future<List<Paper>> r : results) {
      r.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(server.getRequestCount()).isEqualTo(9);
    assertThat(maxInFlight.get()).isEqualTo(1); // arXiv's one connection, fleet-wide
    List<Long> sorted = new ArrayList<>(arrivals);
    Collections.sort(sorted);
    for (int i = 1; i < sorted.size(); i++) {
      long gapMs = TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 1));
      assertThat(gapMs).as("gap %d", i).isGreaterThanOrEqualTo(INTERVAL_MS - 20);
    }
  }

  @Test
  void aMemberThatDiesWhileFetchingAKeyIsTakenOverByAnother() throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger n = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (n.incrementAndGet() == 1) {
              firstArrived.countDown();
              releaseFirst.await(60, TimeUnit.SECONDS); // member 0 is stuck in its fetch
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/atom+xml")
                .body(PAGE)
                .build();
          }
        });
    CompletableFuture<List<Paper>> dying = CompletableFuture.supplyAsync(() -> query(0, "testing"));
    assertThat(firstArrived.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<List<Paper>> survivor =
        CompletableFuture.supplyAsync(() -> query(1, "testing"));
    Thread.sleep(300);
    assertThat(survivor).isNotDone(); // waiting for member 0's answer
    members.get(0).getLifecycleService().terminate(); // member 0 dies mid-fetch
    assertThat(survivor.get(60, TimeUnit.SECONDS)).hasSize(10);
    assertThat(n.get()).isEqualTo(2); // member 1 fetched it itself
    releaseFirst.countDown();
    try {
      dying.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // its member is gone: whatever it answers, the fleet went on
    }
  }

  @Test
  void aMemberWhoseClusterIsGoneFailsTypedAndSendsNothing() {
    serve(0);
    members.get(0).getLifecycleService().terminate();
    assertThatThrownBy(() -> query(0, "testing"))
        .isInstanceOf(io.github.paperdigest.model.SourceUnavailableException.class)
        .hasMessageContaining("fleet");
    assertThat(server.getRequestCount()).isZero(); // no request without the fleet's turn
    assertThat(query(1, "testing")).hasSize(10); // the rest of the fleet goes on
  }

  @Test
  void aRetryAfterOneMemberGetsPausesTheWholeFleet() throws Exception {
    AtomicInteger n = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            arrivals.add(System.nanoTime());
            return n.incrementAndGet() == 1
                ? new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build()
                : new MockResponse.Builder()
                    .addHeader("Content-Type", "application/atom+xml")
                    .body(PAGE)
                    .build();
          }
        });
    assertThatThrownBy(() -> query(0, "first")).isInstanceOf(SourceHttpException.class);
    assertThat(query(1, "second")).hasSize(10); // another member, another query
    long gapMs = TimeUnit.NANOSECONDS.toMillis(arrivals.get(1) - arrivals.get(0));
    assertThat(gapMs).isGreaterThanOrEqualTo(1_900); // it waited out member 0's Retry-After
  }

  @Test
  void aFailureIsStoredNowhere() {
    AtomicInteger n = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return n.incrementAndGet() == 1
                ? new MockResponse.Builder().code(500).body("down").build()
                : new MockResponse.Builder()
                    .addHeader("Content-Type", "application/atom+xml")
                    .body(PAGE)
                    .build();
          }
        });
    assertThatThrownBy(() -> query(0, "testing")).isInstanceOf(SourceHttpException.class);
    assertThat(query(1, "testing")).hasSize(10); // asked again, not served the failure
    assertThat(query(2, "testing")).hasSize(10); // now from the fleet
    assertThat(query(0, "testing")).hasSize(10);
    assertThat(n.get()).isEqualTo(2);
  }
}

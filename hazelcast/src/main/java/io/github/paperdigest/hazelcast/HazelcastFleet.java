package io.github.paperdigest.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import io.github.paperdigest.spi.Coordination;
import java.util.Objects;

/**
 * A fleet of PaperDigest clients on Hazelcast 5: several processes (web replicas, workers), each
 * with its own client, behave towards the publishers like one client.
 *
 * <pre>{@code
 * HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastFleet.configure(new Config()));
 * PaperDigest client = PaperDigest.builder()
 *     .coordination(HazelcastFleet.coordination(hz))
 *     .build();
 * }</pre>
 *
 * Or, for the CLI and any client built without a coordination, the system property {@code
 * paperdigest.hazelcast.config=<hazelcast.xml or .yaml>}: the client starts a member with that
 * configuration, joins its cluster, and leaves it when closed.
 *
 * <h2>What is shared</h2>
 *
 * <ul>
 *   <li><b>Politeness.</b> Each request attempt takes a fleet-wide turn: a connection slot in the
 *       map {@value #IN_FLIGHT} (at most the source's {@code maxConcurrent} across the fleet), then
 *       the next start in {@value #STARTS}, reserved atomically on the key's owner with the
 *       cluster's clock, at least the source's {@code minInterval} after the fleet's previous one.
 *   <li><b>Result cache.</b> A page a member's own cache does not hold is looked up in {@value
 *       #PAGES} (compact, versioned bytes; kept for the page's freshness). If absent, one member
 *       takes a lease in {@value #LOADS} and fetches it; the others wait for its answer. Failures
 *       are never stored: the waiting members then try themselves, one at a time.
 *   <li><b>Pauses.</b> A 429 or 503 with {@code Retry-After} that one member gets pauses every
 *       member's requests to that source ({@value #PAUSES}).
 * </ul>
 *
 * <h2>When a member dies</h2>
 *
 * What it held (a connection slot, a load under way) is taken over as soon as the cluster sees it
 * gone, and expires after ten minutes in any case; the maps keep one backup, so that the entries of
 * the others survive it. Each member keeps its in-process throttle and cache, so a fleet never
 * sends more than one client would.
 */
public final class HazelcastFleet {
  /** The map of the fleet's next request start per source. */
  public static final String STARTS = "paperdigest.starts";

  /** The map of the fleet's connection slots in use, per source. */
  public static final String IN_FLIGHT = "paperdigest.in-flight";

  /** The map of the shared pages. */
  public static final String PAGES = "paperdigest.pages";

  /** The map of the pauses publishers asked for ({@code Retry-After}), per source. */
  public static final String PAUSES = "paperdigest.pauses";

  /** The map of the loads under way, per page. */
  public static final String LOADS = "paperdigest.loads";

  /** How many pages each member keeps at most in {@value #PAGES}, unless configured otherwise. */
  public static final int DEFAULT_PAGES_PER_MEMBER = 10_000;

  private HazelcastFleet() {}

  /**
   * A coordination over {@code hz}, a member or a client of a cluster the caller owns (and shuts
   * down): give it to {@code PaperDigest.Builder.coordination}. Configure the cluster with {@link
   * #configure(Config)} so that the shared pages are bounded.
   */
  public static Coordination coordination(HazelcastInstance hz) {
    return new HazelcastCoordination(Objects.requireNonNull(hz, "hz == null"), false);
  }

  /**
   * Adds the maps the fleet uses to {@code config} (unless it configures them already): {@value
   * #PAGES} bounded at {@value #DEFAULT_PAGES_PER_MEMBER} pages per member, least recently used out
   * first; every map with one backup.
   */
  public static Config configure(Config config) {
    Objects.requireNonNull(config, "config == null");
    if (!config.getMapConfigs().containsKey(PAGES)) {
      config.addMapConfig(
          new MapConfig(PAGES)
              .setBackupCount(1)
              .setEvictionConfig(
                  new EvictionConfig()
                      .setEvictionPolicy(EvictionPolicy.LRU)
                      .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                      .setSize(DEFAULT_PAGES_PER_MEMBER)));
    }
    for (String name : new String[] {STARTS, IN_FLIGHT, LOADS, PAUSES}) {
      if (!config.getMapConfigs().containsKey(name)) {
        config.addMapConfig(new MapConfig(name).setBackupCount(1));
      }
    }
    return config;
  }
}

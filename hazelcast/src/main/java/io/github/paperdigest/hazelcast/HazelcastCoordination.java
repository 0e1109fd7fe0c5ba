package io.github.paperdigest.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.paperdigest.spi.Coordination;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@link Coordination} on Hazelcast distributed maps (see {@link HazelcastFleet} for what is shared
 * and how). Holders are named {@code <member uuid>/<random>}: an entry of a member that left the
 * cluster is taken over at once, and every entry also expires, so nothing a dead member held blocks
 * the fleet.
 */
final class HazelcastCoordination implements Coordination {
  /** How long a turn or a load may be held before it expires, whatever happens to its holder. */
  private static final long LEASE_MILLIS = TimeUnit.MINUTES.toMillis(10);

  /** Most connection slots a source can have fleet-wide (sources ask for 1 to a few). */
  private static final int MAX_SLOTS = 64;

  private final HazelcastInstance hz;
  private final boolean ownsInstance;
  private final IMap<String, Long> starts;
  private final IMap<String, String> inFlight;
  private final IMap<String, byte[]> pages;
  private final IMap<String, String> loads;
  private final IMap<String, Long> pauses;

  /** Taken once: a dead instance answers nothing, not even its name. */
  private final String name;

  HazelcastCoordination(HazelcastInstance hz, boolean ownsInstance) {
    this.hz = hz;
    this.ownsInstance = ownsInstance;
    this.starts = hz.getMap(HazelcastFleet.STARTS);
    this.inFlight = hz.getMap(HazelcastFleet.IN_FLIGHT);
    this.pages = hz.getMap(HazelcastFleet.PAGES);
    this.loads = hz.getMap(HazelcastFleet.LOADS);
    this.pauses = hz.getMap(HazelcastFleet.PAUSES);
    this.name = "HazelcastFleet{" + hz.getConfig().getClusterName() + ", " + hz.getName() + "}";
  }

  @Override
  public Turn turn(String sourceId, PolitenessPolicy policy, Duration maxWait)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    String holder = holder();
    int slots = Math.max(1, Math.min(MAX_SLOTS, policy.maxConcurrent()));
    String slot = null;
    long backoff = 2;
    while (slot == null) {
      for (int i = 0; i < slots && slot == null; i++) {
        String key = sourceId + "#" + i;
        if (inFlight.putIfAbsent(key, holder, LEASE_MILLIS, TimeUnit.MILLISECONDS) == null) {
          slot = key;
        }
      }
      if (slot == null) {
        for (int i = 0; i < slots; i++) {
          reapIfGone(inFlight, sourceId + "#" + i);
        }
        if (System.nanoTime() - deadline > 0) {
          throw new TimeoutException("no free connection slot for " + sourceId + " in the fleet");
        }
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 50);
      }
    }
    String held = slot;
    long interval = policy.minInterval().toMillis();
    AtomicBoolean released = new AtomicBoolean();
    Turn turn =
        () -> {
          if (released.compareAndSet(false, true)) {
            try {
              if (interval > 0) {
                starts.executeOnKey(
                    sourceId, new ReserveStart(hz.getCluster().getClusterTime(), interval, true));
              }
              inFlight.remove(held, holder);
            } catch (RuntimeException e) {
              // this member left the cluster: what it held is taken over, or expires
            }
          }
        };
    try {
      waitOutPause(sourceId, deadline);
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      turn.close();
      throw e;
    }
    if (interval > 0) {
      try {
        long now = hz.getCluster().getClusterTime();
        long start = starts.executeOnKey(sourceId, new ReserveStart(now, interval, false));
        long wait = start - now;
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) - deadline > 0) {
          throw new TimeoutException(
              "the fleet's next start for "
                  + sourceId
                  + " is "
                  + wait
                  + " ms away, after the deadline");
        }
        if (wait > 0) {
          Thread.sleep(wait);
        }
      } catch (InterruptedException | TimeoutException | RuntimeException e) {
        turn.close();
        throw e;
      }
    }
    return turn;
  }

  @Override
  public void pause(String sourceId, Duration duration) {
    long until = hz.getCluster().getClusterTime() + duration.toMillis();
    // the later of the pauses asked for; the entry goes when the pause is over
    pauses.merge(sourceId, until, Math::max);
    pauses.setTtl(sourceId, duration.toMillis() + 1_000, TimeUnit.MILLISECONDS);
  }

  /** Sleeps out a pause the fleet is in for {@code sourceId}, if it ends before the deadline. */
  private void waitOutPause(String sourceId, long deadline)
      throws InterruptedException, TimeoutException {
    @Nullable Long until = pauses.get(sourceId);
    if (until == null) {
      return;
    }
    long wait = until - hz.getCluster().getClusterTime();
    if (wait <= 0) {
      return;
    }
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) - deadline > 0) {
      throw new TimeoutException(
          "the fleet pauses " + sourceId + " for " + wait + " ms more, past the deadline");
    }
    Thread.sleep(wait);
  }

  @Override
  public byte[] shared(String key, Duration maxWait, Loader loader) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    String holder = holder();
    long backoff = 2;
    while (true) {
      byte[] stored = pages.get(key);
      if (stored != null) {
        return stored;
      }
      if (loads.putIfAbsent(key, holder, LEASE_MILLIS, TimeUnit.MILLISECONDS) == null) {
        try {
          stored = pages.get(key); // stored between our look and our lease
          return stored != null ? stored : load(key, loader);
        } finally {
          loads.remove(key, holder);
        }
      }
      reapIfGone(loads, key); // its loader's member left: the next turn of the loop takes over
      if (System.nanoTime() - deadline > 0) {
        return load(key, loader); // waited long enough for the fleet: answer this caller
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the fleet's answer", e);
      }
      backoff = Math.min(backoff * 2, 50);
    }
  }

  private byte[] load(String key, Loader loader) {
    Loaded loaded = loader.load(); // a failure is thrown, nothing stored
    long ttl = loaded.timeToLive().toMillis();
    if (loaded.bytes().length > 0 && ttl > 0) {
      pages.put(key, loaded.bytes(), ttl, TimeUnit.MILLISECONDS);
    }
    return loaded.bytes();
  }

  /** Removes the entry {@code key} of {@code map} if its holder's member left the cluster. */
  private void reapIfGone(IMap<String, String> map, String key) {
    @Nullable String holder = map.get(key);
    if (holder != null && !alive(holder)) {
      map.remove(key, holder);
    }
  }

  private boolean alive(String holder) {
    if (!holder.startsWith("m:")) {
      return true; // a client's: it expires with its lease
    }
    int slash = holder.indexOf('/');
    String member = holder.substring(2, slash < 0 ? holder.length() : slash);
    Set<String> members = new HashSet<>();
    for (Member m : hz.getCluster().getMembers()) {
      members.add(m.getUuid().toString());
    }
    return members.contains(member);
  }

  /** {@code m:<member uuid>/<random>} on a member, {@code c:<client uuid>/<random>} on a client. */
  private String holder() {
    String who;
    try {
      who = "m:" + hz.getCluster().getLocalMember().getUuid();
    } catch (UnsupportedOperationException e) {
      who = "c:" + hz.getLocalEndpoint().getUuid(); // a Hazelcast client has no member
    }
    return who + "/" + UUID.randomUUID();
  }

  @Override
  public void close() {
    if (ownsInstance) {
      hz.shutdown();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

package io.github.paperdigest.watch;

import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Only what is new: each {@link #poll} returns the papers of a query or digest that were not
 * delivered before, and {@link Batch#acknowledge()} records them as delivered once they were
 * (printed, mailed, posted). Papers polled but not acknowledged, because the process died before
 * sending them, come again at the next poll; acknowledged ones never do.
 *
 * <pre>{@code
 * try (Watch watch = Watch.builder().stateFile(Path.of("hf.state")).build()) {
 *   Watch.Batch batch = watch.poll(client.digest("hf-daily").latest());
 *   send(batch.papers());
 *   batch.acknowledge();
 * }
 * }</pre>
 *
 * <p>The state is bounded: a paper not seen in any acknowledged poll for the {@link
 * Builder#window(Duration) window} (90 days unless told otherwise) is forgotten, so the window must
 * be longer than a paper stays in what is watched. With {@link Builder#versions(boolean)
 * versions(true)}, a paper comes again when the source describes a higher version than the one
 * delivered. A watch is for one thread at a time; its store is locked against other watches.
 */
public final class Watch implements AutoCloseable {
  private final WatchStore store;
  private final Duration window;
  private final boolean versions;
  private final Clock clock;
  private WatchState state;

  /** Counts the acknowledgements, so that a batch knows whether it was polled on this state. */
  private long generation;

  private Watch(Builder b, WatchStore store) {
    this.store = store;
    this.window = b.window;
    this.versions = b.versions;
    this.clock = b.clock;
    try {
      this.state = store.load();
    } catch (IOException e) {
      closeAfterFailure(store, e);
      throw new WatchException("Cannot read the watch state (" + store + "): " + e, e);
    } catch (RuntimeException e) {
      closeAfterFailure(store, e);
      throw e;
    }
  }

  /** A builder: the store is required ({@link Builder#stateFile} or {@link Builder#store}). */
  public static Builder builder() {
    return new Builder();
  }

  /** The papers of {@code papers} not delivered before, in their order, each id once. */
  public Batch poll(Iterable<Paper> papers) {
    Objects.requireNonNull(papers, "papers == null");
    WatchState basis;
    long basisGeneration;
    synchronized (this) {
      basis = state;
      basisGeneration = generation;
    }
    Map<PaperId, WatchState.Delivery> delivered = basis.delivered();
    List<Paper> fresh = new ArrayList<>();
    List<PaperId> known = new ArrayList<>();
    Set<PaperId> seen = new HashSet<>();
    for (Paper p : papers) {
      if (!seen.add(p.id())) {
        continue;
      }
      WatchState.Delivery d = delivered.get(p.id());
      if (d == null || (versions && newer(p.version(), d.version()))) {
        fresh.add(p);
      } else {
        known.add(p.id());
      }
    }
    return new Batch(List.copyOf(fresh), List.copyOf(known), basisGeneration);
  }

  /** The papers of {@code digest} not delivered before. */
  public Batch poll(Digest digest) {
    return poll(digest.papers());
  }

  /** The state as last acknowledged (or loaded). */
  public synchronized WatchState state() {
    return state;
  }

  /** Releases the store (and the state file's lock). */
  @Override
  public void close() {
    try {
      store.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean newer(@Nullable Integer version, @Nullable Integer delivered) {
    return version != null && (delivered == null || version > delivered);
  }

  private synchronized void acknowledge(Batch batch) {
    if (generation != batch.generation) {
      throw new IllegalStateException(
          "The watch state changed since this batch was polled: poll again, then acknowledge");
    }
    Instant now = clock.instant();
    Instant horizon = now.minus(window);
    Map<PaperId, WatchState.Delivery> next = new LinkedHashMap<>();
    state
        .delivered()
        .forEach(
            (id, d) -> {
              if (d.lastSeen().isAfter(horizon)) {
                next.put(id, d);
              }
            });
    for (PaperId id : batch.known) {
      WatchState.Delivery d = state.delivered().get(id);
      if (d != null) {
        next.remove(id); // re-inserted last: the map stays oldest first
        next.put(id, new WatchState.Delivery(d.version(), now));
      }
    }
    for (Paper p : batch.papers) {
      WatchState.Delivery d = state.delivered().get(p.id());
      Integer version = p.version() != null ? p.version() : d == null ? null : d.version();
      next.remove(p.id());
      next.put(p.id(), new WatchState.Delivery(version, now));
    }
    WatchState updated = WatchState.of(next);
    try {
      store.save(updated);
    } catch (IOException e) {
      throw new WatchException("Cannot save the watch state (" + store + "): " + e, e);
    }
    state = updated;
    generation++;
  }

  private static void closeAfterFailure(WatchStore store, Exception failure) {
    try {
      store.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** What one {@link #poll} found new. */
  public final class Batch {
    private final List<Paper> papers;
    private final List<PaperId> known;
    private final long generation;
    private boolean acknowledged;

    private Batch(List<Paper> papers, List<PaperId> known, long generation) {
      this.papers = papers;
      this.known = known;
      this.generation = generation;
    }

    /** The new papers, in the order polled. */
    public List<Paper> papers() {
      return papers;
    }

    /** Whether there is nothing new. */
    public boolean isEmpty() {
      return papers.isEmpty();
    }

    /**
     * Records the papers as delivered and saves the state: they are not returned again. Also marks
     * the already-delivered papers of this poll as still seen, and forgets those not seen for the
     * window. Acknowledging twice does nothing more.
     *
     * @throws WatchException if the state cannot be saved (then nothing is acknowledged)
     * @throws IllegalStateException if another batch was acknowledged since this one was polled
     */
    public void acknowledge() {
      synchronized (Watch.this) {
        if (!acknowledged) {
          Watch.this.acknowledge(this);
          acknowledged = true;
        }
      }
    }
  }

  /** Builds a {@link Watch}. Not thread-safe. */
  public static final class Builder {
    private @Nullable WatchStore store;
    private @Nullable Path stateFile;
    private Duration window = Duration.ofDays(90);
    private boolean versions;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Keeps the state in {@code file} ({@link WatchStore#file(Path)}). */
    public Builder stateFile(Path file) {
      this.stateFile = Objects.requireNonNull(file, "file == null");
      this.store = null;
      return this;
    }

    /** Keeps the state in {@code store}; the watch closes it. */
    public Builder store(WatchStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.stateFile = null;
      return this;
    }

    /**
     * How long a delivered paper is remembered after it was last seen (default 90 days).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window == null");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive: " + window);
      }
      this.window = window;
      return this;
    }

    /** Whether a higher version of a delivered paper is new again (default false). */
    public Builder versions(boolean versions) {
      this.versions = versions;
      return this;
    }

    /** The clock of the window (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Opens the store and reads its state.
     *
     * @throws IllegalStateException if no store was set
     * @throws WatchException if the state is locked by another watch or cannot be read
     */
    public Watch build() {
      WatchStore s = store;
      if (s == null) {
        if (stateFile == null) {
          throw new IllegalStateException("Set stateFile(...) or store(...)");
        }
        s = WatchStore.file(stateFile);
      }
      return new Watch(this, s);
    }
  }
}

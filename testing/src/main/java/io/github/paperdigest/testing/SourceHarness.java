package io.github.paperdigest.testing;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.Query;
import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A plugin's source, created by a real client exactly as an application would create it, for that
 * plugin's tests. The {@link #context() context} is the core's own: every fetch goes through its
 * HTTP layer (retries, redirects, size limit, typed errors), answered by a MockWebServer whose URL
 * is given as a setting, or by recordings replayed from a directory. The clock is a {@link
 * FakeClock}, so politeness waits and backoff take no time and cache freshness moves only when
 * told.
 *
 * <pre>{@code
 * @Test
 * void searches(@StartStop MockWebServer server) throws Exception {
 *   server.enqueue(new MockResponse.Builder().body(Files.readString(fixture)).build());
 *   try (SourceHarness harness = SourceHarness.builder(new MySourceProvider())
 *       .option("base-url", server.url("/").toString())
 *       .build()) {
 *     List<Paper> papers = harness.query().search("diffusion").list();
 *     assertThat(papers).hasSize(20);
 *     assertThat(server.takeRequest().getTarget()).isEqualTo("/search?q=diffusion");
 *   }
 * }
 * }</pre>
 *
 * <p>Differences from a default client, all chosen for tests: sources are not discovered (only the
 * plugin under test is there), the result cache is off unless {@link Builder#cache(boolean)} turns
 * it on, and the clock is a {@link FakeClock} at {@link #DEFAULT_START} unless another is given.
 * The plugin's politeness policy is kept, so tests can see its intervals and retries on the fake
 * clock.
 */
public final class SourceHarness implements AutoCloseable {
  /** Where the default {@link FakeClock} stands: 2025-10-03T12:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2025-10-03T12:00:00Z");

  private final PaperDigest client;
  private final String sourceId;
  private final SourceContext context;
  private final PaperSource source;
  private final Clock clock;

  private SourceHarness(Builder b) {
    Capturing capturing = new Capturing(b.provider);
    this.sourceId = capturing.id();
    this.clock = b.clock;
    PaperDigest.Builder client =
        PaperDigest.builder()
            .discoverSources(false)
            .addSource(capturing)
            .cache(b.cache)
            .clock(b.clock)
            .sleeper(b.clock instanceof FakeClock fake ? fake.sleeper() : d -> {})
            .replay(b.replay);
    b.options.forEach((name, value) -> client.option(sourceId, name, value));
    if (b.politeness != null) {
      client.politeness(sourceId, b.politeness);
    }
    // build() creates every source, so the provider has been called once it returns
    this.client = client.build();
    SourceContext ctx = capturing.context.get();
    PaperSource created = capturing.source.get();
    if (ctx == null || created == null) {
      this.client.close();
      throw new IllegalStateException("the client did not create source " + sourceId);
    }
    this.context = ctx;
    this.source = created;
  }

  /** A builder for a harness around the source {@code provider} makes. */
  public static Builder builder(PaperSourceProvider provider) {
    return new Builder(provider);
  }

  /** The client that created the source; query it as an application would. */
  public PaperDigest client() {
    return client;
  }

  /** A query against the source under test: {@code client().from(sourceId())}. */
  public Query query() {
    return client.from(sourceId);
  }

  /** The id of the source under test. */
  public String sourceId() {
    return sourceId;
  }

  /** The context the core gave the source: its real HTTP layer, settings and clock. */
  public SourceContext context() {
    return context;
  }

  /** The source the provider created, for calling its own methods directly. */
  public PaperSource source() {
    return source;
  }

  /** The clock of the client (a {@link FakeClock} unless another was given). */
  public Clock clock() {
    return clock;
  }

  /** Closes the client, and with it the source. */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "SourceHarness{" + sourceId + ", " + context + "}";
  }

  /** Configures a {@link SourceHarness}. Not thread-safe. */
  public static final class Builder {
    private final PaperSourceProvider provider;
    private final Map<String, String> options = new LinkedHashMap<>();
    private Clock clock = new FakeClock(DEFAULT_START);
    private boolean cache;
    private @Nullable Path replay;
    private @Nullable PolitenessPolicy politeness;

    private Builder(PaperSourceProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /**
     * Sets the source's setting {@code name}, e.g. {@code option("base-url",
     * server.url("/").toString())} to point it at a MockWebServer.
     */
    public Builder option(String name, String value) {
      options.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Uses {@code clock} instead of a {@link FakeClock} at {@link #DEFAULT_START}. With a {@link
     * FakeClock}, waits advance it instead of sleeping; with any other clock, waits are skipped.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Whether the client caches results (default false: every query reaches the source). */
    public Builder cache(boolean enabled) {
      this.cache = enabled;
      return this;
    }

    /**
     * Answers requests from the recordings in {@code directory} (see {@link
     * PaperDigest.Builder#replay(Path)}) instead of the network.
     */
    public Builder replay(Path directory) {
      this.replay = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Replaces the provider's politeness policy, e.g. to test retries with {@code
     * withMaxRetries(0)}.
     */
    public Builder politeness(PolitenessPolicy policy) {
      this.politeness = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** Backoffs of zero, for tests that count retries but do not look at their timing. */
    public Builder noBackoff() {
      PolitenessPolicy base = politeness != null ? politeness : provider.politeness();
      this.politeness = base.withBackoff(Duration.ZERO, Duration.ZERO);
      return this;
    }

    /**
     * Creates the client and, with it, the source.
     *
     * @throws io.github.paperdigest.model.SourceConfigurationException if the source rejects its
     *     settings
     */
    public SourceHarness build() {
      return new SourceHarness(this);
    }
  }

  /** Passes everything to the plugin's provider and keeps what it made and was given. */
  private static final class Capturing implements PaperSourceProvider {
    private final PaperSourceProvider delegate;
    final AtomicReference<@Nullable SourceContext> context = new AtomicReference<>();
    final AtomicReference<@Nullable PaperSource> source = new AtomicReference<>();

    Capturing(PaperSourceProvider delegate) {
      this.delegate = delegate;
    }

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public String description() {
      return delegate.description();
    }

    @Override
    public PolitenessPolicy politeness() {
      return delegate.politeness();
    }

    @Override
    public ErrorDecoder errorDecoder() {
      return delegate.errorDecoder();
    }

    @Override
    public PaperSource create(SourceContext context) {
      this.context.set(context);
      PaperSource made = delegate.create(context);
      this.source.set(made);
      return made;
    }
  }
}

package io.github.paperdigest;

import com.squareup.moshi.Moshi;
import io.github.paperdigest.internal.Engine;
import io.github.paperdigest.internal.Gates;
import io.github.paperdigest.internal.OwnerOnlyFileSystem;
import io.github.paperdigest.internal.Recordings;
import io.github.paperdigest.internal.SourceRegistry;
import io.github.paperdigest.internal.Spec;
import io.github.paperdigest.internal.Version;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Papers;
import io.github.paperdigest.model.ResponseTooLargeException;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.model.UnknownSourceException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.spi.Coordination;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of PaperDigest: research-paper digests and searches from every source on the
 * class path (Hugging Face Daily Papers, arXiv, your own), as one typed, cached model.
 *
 * <h2>PaperDigest clients should be shared</h2>
 *
 * <p>A client holds an HTTP connection pool and dispatcher (one {@link OkHttpClient}), the result
 * cache, the politeness state of each source (arXiv: one request every three seconds, across all
 * threads) and the discovered sources. Create one and share it: it is thread-safe, and a second
 * client would not know about the first one's requests when keeping a publisher's rate limits.
 *
 * <pre>{@code
 * PaperDigest client = PaperDigest.create();
 * List<Paper> top = client.from("hf-daily").on(LocalDate.of(2025, 10, 3))
 *     .sortBy(Sort.MOST_UPVOTED).limit(10).list();
 * Digest cl = client.digest("arxiv").category("cs.CL").latest();
 * Optional<Paper> p = client.paper(PaperId.parse("arxiv:2505.09568"));
 * }</pre>
 *
 * <p>Customise with {@link #builder()}; derive a client with other settings that shares this one's
 * HTTP client and discovered sources with {@link #newBuilder()}. {@link #close()} releases what the
 * client owns (not an {@code OkHttpClient} passed to the builder).
 *
 * <h2>Sources</h2>
 *
 * <p>Sources registered with {@link Builder#addSource} come first and win over discovered ones with
 * the same id; the others are found once, when the client is built, with {@link
 * java.util.ServiceLoader} on the class path and module path. Each source's settings come from
 * {@link Builder#option} or the system properties {@code paperdigest.<source-id>.<name>}, e.g.
 * {@code -Dpaperdigest.arxiv.api-url=https://mirror.example/api/query}.
 */
public final class PaperDigest implements AutoCloseable {
  /** How long one request may take in all, unless told otherwise: 60 seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /** The User-Agent the SDK sends unless told otherwise. */
  public static final String DEFAULT_USER_AGENT = Version.userAgent();

  private final Engine engine;
  private final Builder origin;

  private PaperDigest(Engine engine, Builder origin) {
    this.engine = engine;
    this.origin = origin;
  }

  /**
   * A client with default settings and every discovered source.
   *
   * @throws SourceConfigurationException if two discovered providers have the same id
   */
  public static PaperDigest create() {
    return builder().build();
  }

  /** A builder with default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's settings that shares its HTTP client (pool and dispatcher), its
   * discovered sources and its politeness: each source's request interval, concurrency limit, the
   * pauses publishers asked for and the retry budget hold across this client and every client
   * derived from it (as OkHttp's derived clients share a dispatcher), unless the derived client
   * gives a source another politeness policy. The client it builds has its own cache and owns none
   * of what it shares: close this one last.
   */
  public Builder newBuilder() {
    Builder b = new Builder(origin);
    b.httpClient = engine.settings().httpClient();
    b.registry = engine.settings().registry();
    b.gates = engine.settings().gates();
    return b;
  }

  /**
   * A query against source {@code sourceId}.
   *
   * @throws UnknownSourceException if no source has that id (the message lists those that exist)
   */
  public Query from(String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId == null");
    engine.checkKnown(sourceId);
    return new Query(engine, sourceId, Spec.EMPTY, Integer.MAX_VALUE);
  }

  /**
   * A digest request against source {@code sourceId}, ended by naming the period.
   *
   * @throws UnknownSourceException if no source has that id
   */
  public DigestQuery digest(String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId == null");
    engine.checkKnown(sourceId);
    return new DigestQuery(engine, sourceId, List.of(), Spec.EMPTY, Integer.MAX_VALUE);
  }

  /**
   * One digest request against several sources at once, e.g. Hugging Face's day and an arXiv
   * category's announcement: each source is asked for the period with the criteria it evaluates
   * natively, the papers are merged and de-duplicated by id ({@link Papers#merge(List)}: the first
   * source named is the primary), then every criterion is applied to the merged papers, which are
   * sorted and limited. So {@code client.digest("hf-daily", "arxiv").category("cs.CL")} gives the
   * day's cs.CL papers with Hugging Face's upvotes on those it featured. The digest's {@link
   * Digest#source()} names the sources joined by commas; it is complete only if every source's is.
   * A source that fails fails the digest with its exception.
   *
   * @throws UnknownSourceException if a source id is unknown
   * @throws IllegalArgumentException if a source is named twice
   */
  public DigestQuery digest(String sourceId, String... moreSourceIds) {
    Objects.requireNonNull(sourceId, "sourceId == null");
    List<String> more = List.of(moreSourceIds); // null-checks
    engine.checkKnown(sourceId);
    more.forEach(engine::checkKnown);
    if (new HashSet<>(more).size() != more.size() || more.contains(sourceId)) {
      throw new IllegalArgumentException("A source named twice: " + sourceId + ", " + more);
    }
    return new DigestQuery(engine, sourceId, more, Spec.EMPTY, Integer.MAX_VALUE);
  }

  /**
   * What source {@code sourceId} offers beyond queries as {@code type} (see {@link
   * PaperSource#extension(Class)}), e.g. arXiv's OAI-PMH harvest, which {@code
   * io.github.paperdigest.arxiv.ArxivHarvest} wraps. Its requests go through the source's HTTP
   * layer like a query's pages.
   *
   * @throws UnknownSourceException if no source has that id
   */
  public <E> Optional<E> extension(String sourceId, Class<E> type) {
    Objects.requireNonNull(sourceId, "sourceId == null");
    Objects.requireNonNull(type, "type == null");
    return engine.extension(sourceId, type);
  }

  /**
   * {@code papers} completed with what source {@code sourceId} knows of them: the papers whose id
   * that source looks up are asked of it in batches (at most its {@link
   * SourceCapabilities#maxLookupBatch()} ids a request, e.g. one arXiv {@code id_list} request per
   * 100 ids, cached and under the source's politeness like any other request) and each answer is
   * merged into the paper by {@link Papers#merge(Paper, Paper)}, the given paper being the primary.
   * Papers the source does not know, or whose ids it cannot look up, are returned unchanged; the
   * order is kept.
   *
   * @throws UnknownSourceException if no source has that id
   * @throws UnsupportedQueryException if the source looks up no ids at all
   * @throws PaperDigestException (a subtype) for any failure to fetch
   */
  public List<Paper> enrich(List<Paper> papers, String sourceId) {
    Objects.requireNonNull(papers, "papers == null");
    Objects.requireNonNull(sourceId, "sourceId == null");
    return engine.enrich(List.copyOf(papers), sourceId);
  }

  /** {@code digest} with its papers {@link #enrich(List, String) enriched} by {@code sourceId}. */
  public Digest enrich(Digest digest, String sourceId) {
    Objects.requireNonNull(digest, "digest == null");
    return new Digest(
        digest.source(),
        digest.period(),
        enrich(digest.papers(), sourceId),
        digest.fetchedAt(),
        digest.complete(),
        digest.stale());
  }

  /**
   * The paper {@code id} from the first source that knows it. The sources that look up ids of its
   * namespace are asked in this order, whatever the class path: the one whose id is the namespace
   * first ({@code arxiv} for {@code arxiv:} ids, the publisher of the id), then the others as
   * {@link #sources()} lists them (builder-registered in order, then discovered ones by id). A
   * source that fails does not stop the others; its answer is used only if no other source knows
   * the paper.
   *
   * @throws PaperDigestException if no source looks up ids of that namespace, or when no source
   *     knows the paper and one failed (its exception; with several, one naming each)
   */
  public Optional<Paper> paper(PaperId id) {
    Objects.requireNonNull(id, "id == null");
    return engine.paper(id);
  }

  /**
   * As {@link #paper(PaperId)}, without blocking: lookups use OkHttp's asynchronous calls, one
   * source after another. Cancelling the future cancels the lookup under way.
   */
  public CompletableFuture<Optional<Paper>> paperAsync(PaperId id) {
    Objects.requireNonNull(id, "id == null");
    return engine.paperAsync(id);
  }

  /**
   * The sources this client knows, with their capabilities: builder-registered ones in order, then
   * discovered ones by id; a source that could not be created (only with {@link
   * Builder#failOnBrokenSource(boolean) failOnBrokenSource(false)}) is listed with its {@link
   * SourceInfo#problem() problem}.
   */
  public List<SourceInfo> sources() {
    return engine.sources();
  }

  /** The result cache's counters ({@link CacheStats#EMPTY} when caching is disabled). */
  public CacheStats cacheStats() {
    return engine.cacheStats();
  }

  /** Drops every cached result. */
  public void invalidateCache() {
    engine.invalidateCache();
  }

  /**
   * Closes the sources and releases the cache and, if the client created it, the HTTP client's
   * threads, connections and disk cache. Queries fail with {@link IllegalStateException} after.
   */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "PaperDigest{sources=" + engine.settings().registry().ids() + "}";
  }

  /** Builds {@link PaperDigest} clients. Not thread-safe. Every setting is optional. */
  public static final class Builder {
    private @Nullable OkHttpClient httpClient;
    private @Nullable SourceRegistry registry;
    private @Nullable Gates gates;
    private String userAgent = DEFAULT_USER_AGENT;
    private Clock clock = Clock.systemUTC();
    private boolean systemClock = true;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private final List<PaperSourceProvider> sources = new ArrayList<>();
    private boolean discover = true;
    private @Nullable ClassLoader classLoader;
    private @Nullable Coordination coordination;
    private final Map<String, Map<String, String>> options = new LinkedHashMap<>();
    private final Map<String, PolitenessPolicy> politeness = new LinkedHashMap<>();
    private boolean cache = true;
    private boolean failOnBrokenSource = true;
    private long cacheMaximumSize = 20_000;
    private @Nullable Path httpCacheDirectory;
    private long httpCacheMaxSize;
    private long maxResponseSize = 32L * 1024 * 1024;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration staleIfError = Duration.ZERO;
    private @Nullable Path recordTo;
    private @Nullable Path replayFrom;

    Builder() {}

    Builder(Builder o) {
      userAgent = o.userAgent;
      clock = o.clock;
      systemClock = o.systemClock;
      sleeper = o.sleeper;
      sources.addAll(o.sources);
      discover = o.discover;
      classLoader = o.classLoader;
      coordination = o.coordination;
      o.options.forEach((k, v) -> options.put(k, new LinkedHashMap<>(v)));
      politeness.putAll(o.politeness);
      cache = o.cache;
      failOnBrokenSource = o.failOnBrokenSource;
      cacheMaximumSize = o.cacheMaximumSize;
      httpCacheDirectory = o.httpCacheDirectory;
      httpCacheMaxSize = o.httpCacheMaxSize;
      maxResponseSize = o.maxResponseSize;
      connectTimeout = o.connectTimeout;
      readTimeout = o.readTimeout;
      callTimeout = o.callTimeout;
      staleIfError = o.staleIfError;
      recordTo = o.recordTo;
      replayFrom = o.replayFrom;
      gates = o.gates;
    }

    /**
     * Uses {@code client} (its pools, dispatcher, proxy, interceptors) instead of creating one. The
     * SDK derives per-source clients from it with {@code newBuilder()} and never shuts it down;
     * timeouts and the HTTP cache set on this builder do not apply to it.
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Sends {@code userAgent} instead of {@link #DEFAULT_USER_AGENT}. arXiv asks heavy users to
     * name a contact, e.g. {@code DEFAULT_USER_AGENT + " mailto:me@example.org"}.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("blank userAgent");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Uses {@code clock} for "today", fetch times, freshness and cache expiry. The primary intent
     * is testing, with {@link #sleeper(Sleeper)}. A client with its own clock does not share the
     * politeness of the client it was derived from.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      this.systemClock = false;
      this.gates = null;
      return this;
    }

    /**
     * Uses {@code sleeper} for politeness waits and retry backoff; the primary intent is testing. A
     * client with its own sleeper does not share the politeness of the client it was derived from.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      this.gates = null;
      return this;
    }

    /**
     * Registers a source provider. It wins over a discovered provider with the same id.
     *
     * @throws NullPointerException if provider is null
     */
    public Builder addSource(PaperSourceProvider provider) {
      sources.add(Objects.requireNonNull(provider, "provider == null"));
      return this;
    }

    /**
     * Whether {@link #build()} fails when a source cannot be created, for example because of a
     * setting it cannot use (default true: a broken setting surfaces at once). With false, the
     * client is built without it: {@link PaperDigest#sources()} lists it with its {@link
     * SourceInfo#problem() problem}, and queries of it fail with the same {@link
     * io.github.paperdigest.model.SourceConfigurationException}. For tools that list or use
     * whatever works, such as the CLI.
     */
    public Builder failOnBrokenSource(boolean fail) {
      this.failOnBrokenSource = fail;
      return this;
    }

    /**
     * Shares politeness and the result cache with the other clients of a fleet through {@code
     * coordination}, e.g. {@code HazelcastFleet.coordination(hazelcastInstance)} of {@code
     * paperdigest-hazelcast}: each source's interval and concurrency then hold across the fleet,
     * and a page one member fetched serves all. The client does not close it. Without it, a
     * coordination a {@link Coordination.Provider} on the class path makes from system properties
     * (e.g. {@code paperdigest.hazelcast.config}) is used and closed with the client; else {@link
     * Coordination#local()}. Replays never coordinate.
     */
    public Builder coordination(Coordination coordination) {
      this.coordination = Objects.requireNonNull(coordination, "coordination == null");
      return this;
    }

    /** Whether to discover sources with {@link java.util.ServiceLoader} (default true). */
    public Builder discoverSources(boolean discover) {
      this.discover = discover;
      this.registry = null;
      return this;
    }

    /** The class loader to discover sources with (default: the one that loaded PaperDigest). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader == null");
      this.registry = null;
      return this;
    }

    /**
     * Sets setting {@code name} of source {@code sourceId}; it wins over the system property {@code
     * paperdigest.<sourceId>.<name>}. E.g. {@code option("arxiv", "api-url", mirror)}.
     */
    public Builder option(String sourceId, String name, String value) {
      Objects.requireNonNull(sourceId, "sourceId == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      options.computeIfAbsent(sourceId, k -> new LinkedHashMap<>()).put(name, value);
      return this;
    }

    /**
     * Replaces the politeness policy of source {@code sourceId} (its provider's default, with its
     * {@code min-interval}, {@code max-concurrent} and {@code max-retries} settings). Only do this
     * for a mirror or a test: publishers ask for their limits.
     */
    public Builder politeness(String sourceId, PolitenessPolicy policy) {
      Objects.requireNonNull(sourceId, "sourceId == null");
      politeness.put(sourceId, Objects.requireNonNull(policy, "policy == null"));
      return this;
    }

    /** Whether to cache results in memory (default true). */
    public Builder cache(boolean enabled) {
      this.cache = enabled;
      return this;
    }

    /**
     * How many papers the memory cache holds at most (default 20,000), counting each cached page,
     * digest or lookup by the papers in it, so that memory stays bounded however large the pages
     * are. The least recently used answers go first; 0 caches nothing.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder cacheMaximumSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("size < 0: " + size);
      }
      this.cacheMaximumSize = size;
      return this;
    }

    /**
     * Keeps HTTP responses on disk in {@code directory} (at most {@code maxSizeBytes}), so they are
     * reused across runs as far as the publishers' cache headers allow. Off by default.
     *
     * @throws IllegalArgumentException if maxSizeBytes is not positive
     */
    public Builder httpCache(Path directory, long maxSizeBytes) {
      Objects.requireNonNull(directory, "directory == null");
      if (maxSizeBytes <= 0) {
        throw new IllegalArgumentException("maxSizeBytes <= 0: " + maxSizeBytes);
      }
      this.httpCacheDirectory = directory;
      this.httpCacheMaxSize = maxSizeBytes;
      return this;
    }

    /**
     * The largest response body accepted (default 32 MiB); a larger one fails with {@link
     * ResponseTooLargeException} instead of filling the heap.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxResponseSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("bytes <= 0: " + bytes);
      }
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * Serves a cached answer up to {@code maxStale} past its freshness when asking the source again
     * fails because of the publisher (unreachable, timing out, rate limiting, answering 5xx or in a
     * format that no longer parses), rather than the error. Digests made of such an answer say
     * {@link Digest#stale()}; {@link CacheStats#staleCount()} counts them. Errors of the query
     * itself (a 4xx, an unsupported criterion) are never hidden. Off by default ({@link
     * Duration#ZERO}).
     *
     * @throws IllegalArgumentException if maxStale is negative
     */
    public Builder staleIfError(Duration maxStale) {
      Objects.requireNonNull(maxStale, "maxStale == null");
      if (maxStale.isNegative()) {
        throw new IllegalArgumentException("negative maxStale: " + maxStale);
      }
      this.staleIfError = maxStale;
      return this;
    }

    /**
     * Records every HTTP exchange (after politeness and retries) into {@code directory}: one {@code
     * .json} file per exchange (method, URL, status, headers) beside its {@code .body}, grouped by
     * host. Replay them with {@link #replay(Path)}, e.g. in your own offline tests. Credentials in
     * headers are never written. Off by default; null turns it off.
     */
    public Builder record(@Nullable Path directory) {
      this.recordTo = directory;
      return this;
    }

    /**
     * Answers every HTTP request from the recordings in {@code directory} (as {@link #record(Path)}
     * writes them, or written by hand) instead of the network, without politeness waits. A request
     * with no recording fails with {@link SourceUnavailableException} naming the request. Requests
     * match on method and URL, query parameters in any order. The directory may be inside a jar (a
     * {@code jar:} file system path). Off by default; null turns it off.
     *
     * <pre>{@code
     * PaperDigest offline = PaperDigest.builder().replay(Path.of("src/test/resources/recordings")).build();
     * }</pre>
     */
    public Builder replay(@Nullable Path directory) {
      this.replayFrom = directory;
      return this;
    }

    /** The connect timeout (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout(timeout);
      return this;
    }

    /** The read timeout between bytes (default 30 s). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout(timeout);
      return this;
    }

    /**
     * How long one request may take in all (default {@link #DEFAULT_CALL_TIMEOUT}, 60 s): its waits
     * for the source's politeness, its retries and their backoff, its redirects, and reading its
     * body. A wait that would end after it fails at once, and a body still arriving when it passes
     * fails, with {@link SourceUnavailableException}; zero means none. A source's setting {@code
     * call-timeout} ({@code paperdigest.<id>.call-timeout}) wins over it. It also applies to an
     * {@code OkHttpClient} passed to {@link #httpClient}.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checkTimeout(timeout);
      return this;
    }

    private static Duration checkTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("negative timeout: " + timeout);
      }
      return timeout;
    }

    /**
     * Builds the client, discovering sources unless a registry is shared from {@link
     * #newBuilder()}, and creates every source, so that a broken setting fails now.
     *
     * @throws SourceConfigurationException if two providers have the same id, or a source cannot be
     *     created with its settings (e.g. a token with a line break in it)
     * @throws IllegalStateException if both recording and replay are set
     * @throws IllegalArgumentException if the replay directory does not exist or holds a malformed
     *     recording
     */
    public PaperDigest build() {
      if (recordTo != null && replayFrom != null) {
        throw new IllegalStateException("record(...) and replay(...) exclude each other");
      }
      Interceptor exchanges =
          replayFrom != null
              ? Recordings.replayer(replayFrom)
              : recordTo != null ? Recordings.recorder(recordTo, maxResponseSize, clock) : null;
      ClassLoader loader = classLoader != null ? classLoader : PaperDigest.class.getClassLoader();
      SourceRegistry reg =
          registry != null && sources.isEmpty()
              ? registry
              : SourceRegistry.create(sources, discover, loader);
      Coordination fleet = coordination;
      boolean ownsFleet = false;
      if (fleet == null) {
        fleet = replayFrom != null ? null : fromSystemProperties(loader);
        ownsFleet = fleet != null;
        if (fleet == null) {
          fleet = Coordination.local();
        }
      }
      boolean owns = httpClient == null;
      OkHttpClient client = httpClient;
      if (client == null) {
        OkHttpClient.Builder b =
            new OkHttpClient.Builder().connectTimeout(connectTimeout).readTimeout(readTimeout);
        if (httpCacheDirectory != null) {
          b.cache(OwnerOnlyFileSystem.cache(httpCacheDirectory, httpCacheMaxSize));
        }
        client = b.build();
      }
      boolean ownsGates = gates == null;
      Gates shared = gates != null ? gates : new Gates(clock, sleeper);
      Engine.Settings settings =
          new Engine.Settings(
              client,
              owns,
              new Moshi.Builder().build(),
              clock,
              systemClock,
              userAgent,
              reg,
              copy(options),
              Map.copyOf(politeness),
              maxResponseSize,
              cache,
              cacheMaximumSize,
              staleIfError,
              exchanges,
              replayFrom != null,
              callTimeout,
              shared,
              ownsGates,
              failOnBrokenSource,
              fleet,
              ownsFleet,
              loader);
      return new PaperDigest(new Engine(settings), new Builder(this));
    }

    /** A coordination a provider on the class path makes from system properties, or null. */
    private static @Nullable Coordination fromSystemProperties(ClassLoader loader) {
      for (Coordination.Provider p : ServiceLoader.load(Coordination.Provider.class, loader)) {
        Optional<Coordination> c = p.fromSystemProperties();
        if (c.isPresent()) {
          return c.get();
        }
      }
      return null;
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> options) {
      Map<String, Map<String, String>> out = new LinkedHashMap<>();
      options.forEach((k, v) -> out.put(k, Map.copyOf(v)));
      return Map.copyOf(out);
    }
  }
}

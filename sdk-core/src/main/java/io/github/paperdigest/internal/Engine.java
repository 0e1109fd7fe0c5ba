package io.github.paperdigest.internal;

import com.squareup.moshi.Moshi;
import io.github.paperdigest.CacheStats;
import io.github.paperdigest.SourceInfo;
import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperDigestException;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Papers;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.SourceParseException;
import io.github.paperdigest.model.SourceUnavailableException;
import io.github.paperdigest.model.UnsupportedQueryException;
import io.github.paperdigest.spi.Coordination;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceConfig;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The machinery behind one {@code PaperDigest} client: sources created on first use, query
 * planning, the page-by-page iteration through the cache, local filtering, sorting and limits. This
 * is where the data flow of a query is visible: plan → cache lookup → source page request → HTTP
 * layer → parse → filter, sort, limit.
 */
public final class Engine implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest");

  /** Everything a client's builder decides. */
  public record Settings(
      OkHttpClient httpClient,
      boolean ownsHttpClient,
      Moshi moshi,
      Clock clock,
      boolean systemClock,
      String userAgent,
      SourceRegistry registry,
      Map<String, Map<String, String>> options,
      Map<String, PolitenessPolicy> politeness,
      long maxResponseSize,
      boolean cacheEnabled,
      long cacheMaximumSize,
      Duration staleIfError,
      okhttp3.@org.jspecify.annotations.Nullable Interceptor exchanges,
      boolean replaying,
      Duration callTimeout,
      Gates gates,
      boolean ownsGates,
      boolean failOnBrokenSource,
      Coordination coordination,
      boolean ownsCoordination,
      ClassLoader classLoader) {}

  /**
   * How many pages one query reads at most, unless the source's {@code max-pages} says otherwise.
   */
  static final int DEFAULT_MAX_PAGES = 1_000;

  /** A source in use. */
  private record Handle(
      String id,
      PaperSourceProvider provider,
      PaperSource source,
      SourceCapabilities caps,
      int maxPages,
      FleetCache fleet) {}

  private final Settings settings;
  private final ResultCache cache;
  private final FleetCache fleet;
  private final Map<String, Handle> sources = new ConcurrentHashMap<>();

  /** Sources that could not be created, when the settings tolerate them: queries get the error. */
  private final Map<String, PaperDigestException> broken = new ConcurrentHashMap<>();

  private volatile boolean closed;

  /**
   * Creates every source of the registry now, so that a broken setting (a secret a header cannot
   * carry, a URL that is not one) fails when the client is built rather than at its first query.
   *
   * @throws SourceConfigurationException naming the source that cannot be created
   */
  public Engine(Settings settings) {
    this.settings = settings;
    this.cache =
        new ResultCache(
            settings.cacheEnabled(),
            settings.cacheMaximumSize(),
            settings.clock(),
            settings.systemClock(),
            settings.staleIfError());
    this.fleet =
        new FleetCache(
            settings.coordination(),
            new PageCodec(Version.get(), settings.classLoader()),
            settings.clock(),
            settings.callTimeout());
    try {
      for (String id : settings.registry().ids()) {
        try {
          handle(id);
        } catch (PaperDigestException e) {
          if (settings.failOnBrokenSource()) {
            throw e;
          }
          LOG.log(Level.WARNING, () -> "source " + id + " is not available: " + e.getMessage());
          broken.put(id, e);
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public Settings settings() {
    return settings;
  }

  /** What source {@code id} offers as {@code type} (see PaperSource.extension). */
  public <E> Optional<E> extension(String id, Class<E> type) {
    Optional<E> e = handle(id).source().extension(type);
    return Objects.requireNonNull(e, "extension() returned null");
  }

  /** Checks that {@code id} names a known source (without creating it). */
  public void checkKnown(String id) {
    settings.registry().provider(id);
  }

  private Handle handle(String id) {
    if (closed) {
      throw new IllegalStateException("this PaperDigest client is closed");
    }
    Handle existing = sources.get(id);
    if (existing != null) {
      return existing;
    }
    PaperDigestException problem = broken.get(id);
    if (problem != null) {
      throw problem;
    }
    PaperSourceProvider provider = settings.registry().provider(id);
    return sources.computeIfAbsent(id, k -> create(k, provider));
  }

  /**
   * {@code policy} with the settings {@code min-interval}, {@code max-concurrent}, {@code
   * max-retries} and {@code max-retry-wait} of {@code config} applied where they are set. Only an
   * explicit setting changes the policy, so a source's default is never loosened by accident.
   */
  static PolitenessPolicy withOverrides(PolitenessPolicy policy, SourceConfig config) {
    PolitenessPolicy p = policy;
    if (config.isSet("min-interval")) {
      p = p.withMinInterval(config.duration("min-interval", p.minInterval()));
    }
    if (config.isSet("max-concurrent")) {
      p = p.withMaxConcurrent(Math.max(1, config.integer("max-concurrent", p.maxConcurrent())));
    }
    if (config.isSet("max-retries")) {
      p = p.withMaxRetries(Math.max(0, config.integer("max-retries", p.maxRetries())));
    }
    if (config.isSet("max-retry-wait")) {
      p = p.withMaxRetryWait(config.duration("max-retry-wait", p.maxRetryWait()));
    }
    return p;
  }

  private Handle create(String id, PaperSourceProvider provider) {
    SourceConfig config = SourceConfig.of(id, settings.options().getOrDefault(id, Map.of()));
    PolitenessPolicy policy = settings.politeness().get(id);
    try {
      if (policy == null) {
        policy = withOverrides(provider.politeness(), config);
      }
      Duration callTimeout = config.duration("call-timeout", settings.callTimeout());
      int maxPages = config.integer("max-pages", DEFAULT_MAX_PAGES, 1, Integer.MAX_VALUE);
      DefaultSourceContext context =
          new DefaultSourceContext(
              id,
              settings.httpClient(),
              settings.userAgent(),
              settings.moshi(),
              settings.gates(),
              config,
              policy,
              callTimeout,
              settings.maxResponseSize(),
              settings.exchanges(),
              settings.replaying(),
              provider.errorDecoder(),
              settings.coordination());
      PaperSource source = Objects.requireNonNull(provider.create(context), "create returned null");
      SourceCapabilities caps =
          Objects.requireNonNull(source.capabilities(), "capabilities() returned null");
      LOG.log(Level.DEBUG, () -> "created source " + id + " from " + provider.getClass().getName());
      return new Handle(id, provider, source, caps, maxPages, fleet);
    } catch (PaperDigestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SourceConfigurationException(
          id,
          "provider " + provider.getClass().getName() + " failed to create its source: " + e,
          e);
    }
  }

  /** The known sources with their capabilities (creating each source). */
  public List<SourceInfo> sources() {
    List<SourceInfo> infos = new ArrayList<>();
    for (String id : settings.registry().ids()) {
      PaperDigestException problem = broken.get(id);
      if (problem != null) {
        PaperSourceProvider p = settings.registry().provider(id);
        infos.add(
            new SourceInfo(
                id,
                p.description(),
                p.getClass().getName(),
                SourceCapabilities.builder().build(),
                String.valueOf(problem.getMessage())));
        continue;
      }
      Handle h = handle(id);
      infos.add(
          new SourceInfo(
              id, h.provider().description(), h.provider().getClass().getName(), h.caps()));
    }
    return infos;
  }

  // ---- queries -------------------------------------------------------------------------------

  /** A prepared query: planned now, so that unsupported criteria fail before any request. */
  public final class Prepared {
    private final Handle handle;
    private final QueryPlan plan;
    private final int limit;

    Prepared(Handle handle, QueryPlan plan, int limit) {
      this.handle = handle;
      this.plan = plan;
      this.limit = limit;
    }

    /** A lazy iterator: each page is fetched when the previous one is used up. */
    public Iterator<Paper> iterator() {
      if (plan.localSort() == null) {
        return new Cursor(new Walk(handle, plan, limit));
      }
      Cursor all = new Cursor(new Walk(handle, plan, Integer.MAX_VALUE));
      all.forEachRemaining(all.walk.acc.papers::add);
      return finish(all.walk.acc.papers).iterator();
    }

    /** All results, fetched page by page without blocking. */
    public CompletableFuture<List<Paper>> listAsync() {
      CompletableFuture<Accumulator> collect = collectAsync(new Walk(handle, plan, fetchLimit()));
      return Futures.cancelling(collect.thenApply(acc -> finish(acc.papers)), collect);
    }

    /** The digest the query describes (its period must be set). */
    public Digest digest() {
      Cursor cursor = new Cursor(new Walk(handle, plan, fetchLimit()));
      cursor.forEachRemaining(cursor.walk.acc.papers::add);
      return toDigest(cursor.walk.acc);
    }

    /** The digest, without blocking. */
    public CompletableFuture<Digest> digestAsync() {
      CompletableFuture<Accumulator> collect = collectAsync(new Walk(handle, plan, fetchLimit()));
      return Futures.cancelling(collect.thenApply(this::toDigest), collect);
    }

    /** How many papers to read: all of them when the core must sort before it can limit. */
    private int fetchLimit() {
      return plan.localSort() == null ? limit : Integer.MAX_VALUE;
    }

    /** The papers in the query's order, limited. */
    private List<Paper> finish(List<Paper> papers) {
      List<Paper> out = papers;
      if (plan.localSort() != null) {
        out = new ArrayList<>(papers);
        out.sort(plan.localSort());
      }
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    private Digest toDigest(Accumulator acc) {
      List<Paper> papers = finish(acc.papers);
      boolean complete =
          acc.reachedEnd && !acc.cut && !acc.truncated && papers.size() == acc.papers.size();
      DigestPeriod period = Objects.requireNonNull(plan.pushed().period(), "period");
      Instant fetchedAt = acc.fetchedAt == null ? settings.clock().instant() : acc.fetchedAt;
      return new Digest(handle.id(), period, papers, fetchedAt, complete, acc.stale);
    }
  }

  /**
   * Plans {@code spec} for source {@code id}.
   *
   * @throws io.github.paperdigest.model.UnknownSourceException for an unknown id
   * @throws UnsupportedQueryException for a criterion that cannot be evaluated
   */
  public Prepared prepare(String id, Spec spec, int limit) {
    DigestPeriod period = spec.period();
    if (period != null && period.start() != null) {
      LocalDate today = LocalDate.ofInstant(settings.clock().instant(), ZoneOffset.UTC);
      // A day of grace: "today" east of UTC is still yesterday for the publishers.
      if (period.start().isAfter(today.plusDays(1))) {
        throw new IllegalArgumentException(
            "The period " + period + " is in the future (today is " + today + " UTC)");
      }
    }
    Handle h = handle(id);
    QueryPlan plan = QueryPlan.of(id, h.caps(), spec);
    h.source().check(plan.pushed());
    return new Prepared(h, plan, limit);
  }

  /** Papers collected from pages, and what the pages said about completeness. */
  private static final class Accumulator {
    final int limit;
    final List<Paper> papers = new ArrayList<>();
    boolean reachedEnd;

    /** Whether the limit left papers of the last page unread. */
    boolean cut;

    /** Whether the publisher cut its answer short, or paging stopped on a page with nothing new. */
    boolean truncated;

    /** Whether a page was served stale. */
    boolean stale;

    @Nullable Instant fetchedAt;

    Accumulator(int limit) {
      this.limit = limit;
    }
  }

  /**
   * One walk through a query's pages, shared by the lazy iterator and the async collector: it
   * builds each page request (through the cache), and records what each page says. Every walk ends:
   * a paper already seen in this query is passed on only once, a page that brings no new paper ends
   * the paging, and more than the source's {@code max-pages} fails.
   */
  /** A fetch made by {@code make} when it is run, not before. */
  static <T> Fetch<T> deferred(Supplier<Fetch<T>> make) {
    return new Fetch<>() {
      @Override
      public T execute() {
        return make.get().execute();
      }

      @Override
      public CompletableFuture<T> executeAsync() {
        try {
          return make.get().executeAsync();
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    };
  }

  /** {@code page} with each paper id once (the first paper of it), the same page if it is so. */
  static Page distinct(Page page) {
    List<Paper> papers = page.papers();
    if (papers.size() < 2) {
      return page;
    }
    Set<PaperId> seen = new HashSet<>(papers.size() * 2);
    List<Paper> kept = null;
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      if (!seen.add(p.id())) {
        if (kept == null) {
          kept = new ArrayList<>(papers.subList(0, i));
        }
      } else if (kept != null) {
        kept.add(p);
      }
    }
    return kept == null
        ? page
        : new Page(
            kept, page.nextPageToken(), page.totalResults(), page.freshness(), page.truncated());
  }

  private static final class Walk {
    final Handle handle;
    final QueryPlan plan;
    final Accumulator acc;
    private final Set<String> seenTokens = new HashSet<>();

    /** The ids of the papers of the pages before the current one; made when a second page comes. */
    private @Nullable Set<PaperId> seenPapers;

    private List<Paper> firstPage = List.of();
    private int pages;
    private @Nullable String token;

    Walk(Handle handle, QueryPlan plan, int limit) {
      this.handle = handle;
      this.plan = plan;
      this.acc = new Accumulator(limit);
    }

    /** The next page request, when {@code produced} papers have been passed on so far. */
    PageRequest nextRequest(int produced) {
      if (pages >= handle.maxPages()) {
        throw new SourceUnavailableException(
            handle.id(),
            null,
            "stopped after "
                + pages
                + " pages, the most one query"
                + " reads (setting max-pages, system property paperdigest."
                + handle.id()
                + ".max-pages): the publisher"
                + " kept announcing more",
            null);
      }
      int wanted = acc.limit - produced;
      int hint = plan.filtersOrSorts() || acc.limit == Integer.MAX_VALUE ? 0 : wanted;
      return new PageRequest(plan.pushed(), token, hint);
    }

    ResultCache.Key key(PageRequest request) {
      return new ResultCache.Key(handle.id(), "page", request);
    }

    /** The page, each paper once: a page that repeats an id keeps its first paper of it. */
    Fetch<Page> fetch(PageRequest request) {
      // made only on a cache miss: a hit builds no request
      return handle
          .fleet()
          .wrap(
              key(request),
              deferred(() -> handle.source().fetchPage(request).map(Engine::distinct)));
    }

    /** Records a fetched page and returns its papers that pass the local filter. */
    List<Paper> accept(ResultCache.Fresh<Page> fresh) {
      Page page = fresh.value();
      acc.truncated |= page.truncated();
      acc.stale |= fresh.stale();
      if (acc.fetchedAt == null || fresh.fetchedAt().isBefore(acc.fetchedAt)) {
        acc.fetchedAt = fresh.fetchedAt();
      }
      pages++;
      String next = page.nextPageToken();
      if (next != null && !seenTokens.add(next)) {
        throw new SourceParseException(
            handle.id(),
            null,
            "page " + token,
            "the source named page '" + next + "' again, which would loop forever",
            null);
      }
      // pages are distinct by id (see fetch); across pages a set is needed only from the second
      List<Paper> unseen;
      if (pages == 1) {
        unseen = page.papers();
        firstPage = unseen;
      } else {
        Set<PaperId> seen = seenPapers;
        if (seen == null) {
          seen = new HashSet<>();
          for (Paper p : firstPage) {
            seen.add(p.id());
          }
          seenPapers = seen;
          firstPage = List.of();
        }
        unseen = new ArrayList<>(page.papers().size());
        for (Paper p : page.papers()) {
          if (seen.add(p.id())) {
            unseen.add(p);
          }
        }
      }
      if (next != null && unseen.isEmpty() && !page.papers().isEmpty()) {
        int n = pages;
        LOG.log(
            Level.WARNING,
            () -> handle.id() + ": page " + n + " brought no paper not seen before; stopping here");
        next = null;
        acc.truncated = true;
      }
      token = next;
      acc.reachedEnd = next == null;
      return plan.local().isEmpty() ? unseen : unseen.stream().filter(plan.filter()).toList();
    }
  }

  /** The lazy iterator over a query's results. Not thread-safe, like every iterator. */
  private final class Cursor implements Iterator<Paper> {
    final Walk walk;
    private Iterator<Paper> current = Collections.emptyIterator();
    private int emitted;

    Cursor(Walk walk) {
      this.walk = walk;
    }

    @Override
    public boolean hasNext() {
      if (emitted >= walk.acc.limit) {
        walk.acc.cut = current.hasNext();
        return false;
      }
      while (!current.hasNext()) {
        if (walk.acc.reachedEnd) {
          return false;
        }
        PageRequest request = walk.nextRequest(emitted);
        current =
            walk.accept(cache.get(walk.key(request), walk.fetch(request), Page::freshness))
                .iterator();
      }
      return true;
    }

    @Override
    public Paper next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      emitted++;
      return current.next();
    }
  }

  private CompletableFuture<Accumulator> collectAsync(Walk walk) {
    AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
    CompletableFuture<Accumulator> result = new CompletableFuture<>();
    result.whenComplete(
        (v, e) -> {
          CompletableFuture<?> c = current.get();
          if (result.isCancelled() && c != null) {
            c.cancel(true);
          }
        });
    step(walk, current, result);
    return result;
  }

  private void step(
      Walk walk,
      AtomicReference<CompletableFuture<?>> current,
      CompletableFuture<Accumulator> result) {
    if (result.isDone()) {
      return;
    }
    Accumulator acc = walk.acc;
    CompletableFuture<ResultCache.Fresh<Page>> call;
    try {
      PageRequest request = walk.nextRequest(acc.papers.size());
      call = cache.getAsync(walk.key(request), walk.fetch(request), Page::freshness);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    current.set(call);
    call.whenComplete(
        (fresh, error) -> {
          if (error != null) {
            result.completeExceptionally(Futures.unwrap(error));
            return;
          }
          try {
            for (Paper p : walk.accept(fresh)) {
              if (acc.papers.size() >= acc.limit) {
                acc.cut = true;
                break;
              }
              acc.papers.add(p);
            }
            if (acc.reachedEnd || acc.papers.size() >= acc.limit) {
              result.complete(acc);
            } else {
              step(walk, current, result);
            }
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
  }

  // ---- lookup ---------------------------------------------------------------------------------

  /**
   * The papers with {@code ids} from source {@code id}, in the order asked, unknown ids left out.
   *
   * @throws UnsupportedQueryException if the source cannot look up one of the ids
   */
  public List<Paper> lookup(String id, List<PaperId> ids) {
    Handle h = handle(id);
    List<List<PaperId>> batches = batches(h, ids);
    List<Paper> found = new ArrayList<>();
    for (List<PaperId> batch : batches) {
      found.addAll(
          cache
              .get(
                  lookupKey(h, batch),
                  h.fleet().wrap(lookupKey(h, batch), deferred(() -> h.source().lookup(batch))),
                  p -> h.caps().lookupFreshness())
              .value()
              .papers());
    }
    return ordered(ids, found);
  }

  /**
   * For a digest merged from several sources: {@code spec} with only what source {@code id}
   * evaluates natively (and the period) and the options it takes, so that each source sends its
   * whole list and the merged papers are filtered by {@link #localFilter} once each knows what
   * every source said.
   */
  public Spec nativePart(String id, Spec spec) {
    SourceCapabilities caps = handle(id).caps();
    Set<Criterion> kept = EnumSet.noneOf(Criterion.class);
    kept.addAll(spec.period() != null ? caps.digestCriteria() : caps.criteria());
    kept.add(Criterion.PERIOD);
    // an option is one source's (arXiv's announce types): the others are not asked with it
    return spec.retain(kept).withOptions(caps.options());
  }

  /**
   * Fails unless some source of {@code ids} takes each option of {@code spec}: in a merged digest
   * each source is asked with its own options only, so a misspelt one would go unnoticed.
   */
  public void checkOptions(List<String> ids, Spec spec) {
    for (String option : spec.options().keySet()) {
      boolean taken = false;
      for (String id : ids) {
        taken |= handle(id).caps().options().contains(option);
      }
      if (!taken) {
        throw new UnsupportedQueryException(
            String.join(",", ids), "option '" + option + "'", "no source of the digest takes it");
      }
    }
  }

  /** Every criterion of {@code spec} but the period, evaluated by the core. */
  public Predicate<Paper> localFilter(Spec spec) {
    Set<Criterion> all = EnumSet.noneOf(Criterion.class);
    all.addAll(spec.criteria());
    all.remove(Criterion.PERIOD);
    return QueryPlan.filter(spec, all);
  }

  /** {@code papers} merged with what source {@code id} knows of them (see PaperDigest.enrich). */
  public List<Paper> enrich(List<Paper> papers, String id) {
    Handle h = handle(id);
    SourceCapabilities caps = h.caps();
    if (!caps.lookup()) {
      throw new UnsupportedQueryException(id, "IDS", "the source does not look papers up by id");
    }
    List<PaperId> ids = new ArrayList<>();
    for (Paper p : papers) {
      if (caps.idNamespaces().contains(p.id().namespace())) {
        ids.add(p.id());
      }
    }
    Map<PaperId, Paper> known = new HashMap<>();
    for (Paper p : lookup(id, ids)) {
      known.put(p.id(), p);
    }
    List<Paper> out = new ArrayList<>(papers.size());
    for (Paper p : papers) {
      Paper other = known.get(p.id());
      out.add(other == null ? p : Papers.merge(p, other));
    }
    return List.copyOf(out);
  }

  /** As {@link #lookup}, without blocking. */
  public CompletableFuture<List<Paper>> lookupAsync(String id, List<PaperId> ids) {
    Handle h = handle(id);
    List<List<PaperId>> batches = batches(h, ids);
    List<CompletableFuture<ResultCache.Fresh<Page>>> calls = new ArrayList<>();
    for (List<PaperId> batch : batches) {
      calls.add(
          cache.getAsync(
              lookupKey(h, batch),
              h.fleet().wrap(lookupKey(h, batch), deferred(() -> h.source().lookup(batch))),
              p -> h.caps().lookupFreshness()));
    }
    CompletableFuture<List<Paper>> all =
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
            .thenApply(
                v -> {
                  List<Paper> found = new ArrayList<>();
                  calls.forEach(c -> found.addAll(c.join().value().papers()));
                  return ordered(ids, found);
                });
    return all; // fails with a CompletionException around the failure, one layer deep
  }

  private ResultCache.Key lookupKey(Handle h, List<PaperId> batch) {
    return new ResultCache.Key(h.id(), "lookup", batch);
  }

  private List<List<PaperId>> batches(Handle h, List<PaperId> ids) {
    SourceCapabilities caps = h.caps();
    if (!caps.lookup()) {
      throw new UnsupportedQueryException(
          h.id(), "IDS", "the source does not look papers up by id");
    }
    List<PaperId> distinct =
        ids.stream().map(i -> Objects.requireNonNull(i, "id == null")).distinct().toList();
    for (PaperId pid : distinct) {
      if (!caps.idNamespaces().contains(pid.namespace())) {
        throw new UnsupportedQueryException(
            h.id(),
            "IDS",
            "the source looks up "
                + caps.idNamespaces()
                + " ids, not '"
                + pid.namespace()
                + "' ("
                + pid
                + ")");
      }
    }
    List<List<PaperId>> batches = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += caps.maxLookupBatch()) {
      batches.add(
          List.copyOf(distinct.subList(i, Math.min(distinct.size(), i + caps.maxLookupBatch()))));
    }
    return batches;
  }

  private static List<Paper> ordered(List<PaperId> asked, List<Paper> found) {
    Map<PaperId, Paper> byId = new LinkedHashMap<>();
    for (Paper p : found) {
      byId.putIfAbsent(p.id(), p);
      byId.putIfAbsent(p.versionedId(), p);
    }
    List<Paper> out = new ArrayList<>();
    Set<Paper> added = new HashSet<>();
    for (PaperId id : asked) {
      Paper p = byId.containsKey(id) ? byId.get(id) : byId.get(id.unversioned());
      if (p != null && added.add(p)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The sources to ask for {@code id}, in the documented order: those that look up ids of its
   * namespace (and could be created), the one whose id is the namespace first (arxiv for arXiv ids:
   * the publisher of the id), then the others in registry order (builder-registered in order, then
   * discovered ones by id).
   *
   * @throws PaperDigestException if no source looks up ids of that namespace
   */
  private List<String> lookupOrder(PaperId id) {
    List<String> order = new ArrayList<>();
    for (String sourceId : settings.registry().ids()) {
      if (broken.containsKey(sourceId)) {
        continue;
      }
      Handle h = handle(sourceId);
      if (h.caps().lookup() && h.caps().idNamespaces().contains(id.namespace())) {
        if (sourceId.equals(id.namespace())) {
          order.add(0, sourceId);
        } else {
          order.add(sourceId);
        }
      }
    }
    if (order.isEmpty()) {
      throw new PaperDigestException(
          null,
          "no source looks up '"
              + id.namespace()
              + "' ids like "
              + id
              + "; sources: "
              + settings.registry().ids(),
          null);
    }
    return order;
  }

  /**
   * The paper with {@code id} from the first source in {@link #lookupOrder} that knows it. A source
   * that fails does not stop the others; when none knows the paper and one failed, that failure is
   * thrown (several: one exception naming each, caused by the first), since "not found" would then
   * be a guess.
   */
  public Optional<Paper> paper(PaperId id) {
    List<PaperDigestException> failures = new ArrayList<>();
    for (String sourceId : lookupOrder(id)) {
      try {
        List<Paper> found = lookup(sourceId, List.of(id));
        if (!found.isEmpty()) {
          return Optional.of(found.get(0));
        }
      } catch (PaperDigestException e) {
        LOG.log(Level.DEBUG, () -> "lookup of " + id + " in " + sourceId + " failed: " + e);
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw outcome(id, failures);
    }
    return Optional.empty();
  }

  /** As {@link #paper}, without blocking; cancelling the future cancels the lookup under way. */
  public CompletableFuture<Optional<Paper>> paperAsync(PaperId id) {
    List<String> order;
    try {
      order = lookupOrder(id);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    AtomicReference<@Nullable CompletableFuture<?>> current = new AtomicReference<>();
    CompletableFuture<Optional<Paper>> result = paperFrom(order, 0, id, new ArrayList<>(), current);
    result.whenComplete(
        (v, e) -> {
          CompletableFuture<?> running = current.get();
          if (result.isCancelled() && running != null) {
            running.cancel(true);
          }
        });
    return result;
  }

  private CompletableFuture<Optional<Paper>> paperFrom(
      List<String> order,
      int index,
      PaperId id,
      List<PaperDigestException> failures,
      AtomicReference<@Nullable CompletableFuture<?>> current) {
    if (index == order.size()) {
      return failures.isEmpty()
          ? CompletableFuture.completedFuture(Optional.empty())
          : CompletableFuture.failedFuture(outcome(id, failures));
    }
    CompletableFuture<List<Paper>> call;
    try {
      call = lookupAsync(order.get(index), List.of(id));
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    current.set(call);
    return call.handle(
            (found, error) -> {
              if (error == null) {
                return found.isEmpty()
                    ? paperFrom(order, index + 1, id, failures, current)
                    : CompletableFuture.completedFuture(Optional.of(found.get(0)));
              }
              Throwable cause = Futures.unwrap(error);
              if (cause instanceof PaperDigestException e) {
                failures.add(e);
                return paperFrom(order, index + 1, id, failures, current);
              }
              return CompletableFuture.<Optional<Paper>>failedFuture(cause);
            })
        .thenCompose(f -> f);
  }

  private static PaperDigestException outcome(PaperId id, List<PaperDigestException> failures) {
    if (failures.size() == 1) {
      return failures.get(0);
    }
    StringBuilder each = new StringBuilder();
    for (PaperDigestException f : failures) {
      each.append(each.length() == 0 ? "" : "; ").append(f.getMessage());
    }
    return new PaperDigestException(
        null, "every source that looks up " + id + " failed: " + each, failures.get(0));
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  public CacheStats cacheStats() {
    return cache.stats();
  }

  public void invalidateCache() {
    cache.invalidateAll();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Handle h : sources.values()) {
      try {
        h.source().close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "source " + h.id() + " failed to close", e);
      }
    }
    cache.invalidateAll();
    fleet.close();
    if (settings.ownsCoordination()) {
      try {
        settings.coordination().close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing the fleet coordination failed", e);
      }
    }
    if (settings.ownsGates()) {
      settings.gates().close();
    }
    if (settings.ownsHttpClient()) {
      OkHttpClient client = settings.httpClient();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      okhttp3.Cache httpCache = client.cache();
      if (httpCache != null) {
        try {
          httpCache.close();
        } catch (java.io.IOException e) {
          LOG.log(Level.WARNING, "closing the HTTP cache failed", e);
        }
      }
    }
  }
}

package io.github.paperdigest.spi;

import io.github.paperdigest.Criterion;
import io.github.paperdigest.DigestPeriod;
import io.github.paperdigest.Metric;
import io.github.paperdigest.Sort;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * What a source can do, which the core's query planner reads: the criteria and sorts the source
 * evaluates natively (pushed down to the publisher), the metrics it has (which decides whether the
 * core can filter or sort by upvotes locally), the digest periods it serves, and lookup by id.
 * Immutable; build with {@link #builder()}.
 *
 * @param criteria criteria the source evaluates natively in queries without a period
 * @param digestCriteria criteria the source evaluates natively in digests (queries with a period);
 *     with a period every sort is applied by the core, on the source's order
 * @param sorts sorts the source applies natively
 * @param metrics metrics its papers carry
 * @param periods digest periods it serves (empty: no digests)
 * @param lookup whether it looks papers up by id
 * @param idNamespaces the id namespaces it can look up, e.g. {@code arxiv}
 * @param maxLookupBatch how many ids one lookup request may carry
 * @param options names of source-specific query options it accepts
 * @param lookupFreshness how long a looked-up paper may be served from cache
 */
public record SourceCapabilities(
    Set<Criterion> criteria,
    Set<Criterion> digestCriteria,
    Set<Sort> sorts,
    Set<Metric> metrics,
    Set<DigestPeriod.Kind> periods,
    boolean lookup,
    Set<String> idNamespaces,
    int maxLookupBatch,
    Set<String> options,
    Duration lookupFreshness) {

  /**
   * Copies the sets.
   *
   * @throws IllegalArgumentException if maxLookupBatch is below 1
   */
  public SourceCapabilities {
    criteria = Collections.unmodifiableSet(copy(criteria, Criterion.class));
    digestCriteria = Collections.unmodifiableSet(copy(digestCriteria, Criterion.class));
    sorts = Collections.unmodifiableSet(copy(sorts, Sort.class));
    metrics = Collections.unmodifiableSet(copy(metrics, Metric.class));
    periods = Collections.unmodifiableSet(copy(periods, DigestPeriod.Kind.class));
    idNamespaces = Collections.unmodifiableSet(new LinkedHashSet<>(idNamespaces));
    options = Collections.unmodifiableSet(new LinkedHashSet<>(options));
    Objects.requireNonNull(lookupFreshness, "lookupFreshness == null");
    if (maxLookupBatch < 1) {
      throw new IllegalArgumentException("maxLookupBatch < 1: " + maxLookupBatch);
    }
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> set, Class<E> type) {
    Objects.requireNonNull(set, type.getSimpleName() + " set == null");
    return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
  }

  /**
   * The criteria evaluated natively for {@code query}: {@link #digestCriteria()} when it has a
   * period, else {@link #criteria()}.
   */
  public Set<Criterion> nativeCriteria(QuerySpec query) {
    return query.period() != null ? digestCriteria : criteria;
  }

  /** Whether the source serves digests for at least one kind of period. */
  public boolean digests() {
    return !periods.isEmpty();
  }

  /** A builder with nothing supported. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SourceCapabilities}. Not thread-safe. */
  public static final class Builder {
    private final Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
    private @Nullable Set<Criterion> digestCriteria;
    private final Set<Sort> sorts = EnumSet.noneOf(Sort.class);
    private final Set<Metric> metrics = EnumSet.noneOf(Metric.class);
    private final Set<DigestPeriod.Kind> periods = EnumSet.noneOf(DigestPeriod.Kind.class);
    private final Set<String> idNamespaces = new LinkedHashSet<>();
    private final Set<String> options = new LinkedHashSet<>();
    private boolean lookup;
    private int maxLookupBatch = 1;
    private Duration lookupFreshness = Duration.ofHours(1);

    Builder() {}

    /** Adds natively evaluated criteria. */
    public Builder criteria(Criterion... criteria) {
      this.criteria.addAll(Arrays.asList(criteria));
      return this;
    }

    /**
     * Sets the criteria evaluated natively in digests (queries with a period), when they differ from
     * {@link #criteria(Criterion...)}: a source whose digest endpoint takes only a category, say,
     * declares {@code digestCriteria(Criterion.CATEGORY)}, and the core filters digests by text
     * itself. Calling it with no argument declares none. When never called, digests use the same
     * criteria as other queries.
     */
    public Builder digestCriteria(Criterion... criteria) {
      this.digestCriteria = EnumSet.noneOf(Criterion.class);
      this.digestCriteria.addAll(Arrays.asList(criteria));
      return this;
    }

    /** Adds native sorts. */
    public Builder sorts(Sort... sorts) {
      this.sorts.addAll(Arrays.asList(sorts));
      return this;
    }

    /** Adds metrics the papers carry. */
    public Builder metrics(Metric... metrics) {
      this.metrics.addAll(Arrays.asList(metrics));
      return this;
    }

    /** Adds the digest periods served; also makes {@link Criterion#PERIOD} native. */
    public Builder periods(DigestPeriod.Kind... periods) {
      this.periods.addAll(Arrays.asList(periods));
      this.criteria.add(Criterion.PERIOD);
      return this;
    }

    /**
     * Declares lookup by id for {@code namespaces}, up to {@code maxBatch} ids per request.
     *
     * @throws IllegalArgumentException if maxBatch is below 1
     */
    public Builder lookup(int maxBatch, String... namespaces) {
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch < 1: " + maxBatch);
      }
      this.lookup = true;
      this.maxLookupBatch = maxBatch;
      this.idNamespaces.addAll(Arrays.asList(namespaces));
      return this;
    }

    /** Sets how long a looked-up paper may be cached (default one hour). */
    public Builder lookupFreshness(Duration freshness) {
      this.lookupFreshness = Objects.requireNonNull(freshness, "freshness == null");
      return this;
    }

    /** Adds names of accepted source-specific query options. */
    public Builder options(String... names) {
      this.options.addAll(Arrays.asList(names));
      return this;
    }

    /** Builds the capabilities. */
    public SourceCapabilities build() {
      Set<Criterion> inDigests = EnumSet.noneOf(Criterion.class);
      inDigests.addAll(digestCriteria == null ? criteria : digestCriteria);
      if (!periods.isEmpty()) {
        inDigests.add(Criterion.PERIOD);
      }
      return new SourceCapabilities(criteria, inDigests, sorts, metrics, periods, lookup, idNamespaces, maxLookupBatch,
          options, lookupFreshness);
    }
  }
}

package io.github.paperdigest.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a source can do, which the core's query planner reads: the criteria and sorts the source
 * evaluates natively (pushed down to the publisher), the metrics it has (which decides whether the
 * core can filter or sort by upvotes locally), the digest periods it serves, and lookup by id.
 * Immutable; build with {@link #builder()}, which keeps the parts consistent (periods served make
 * {@link Criterion#PERIOD} native; lookup has namespaces).
 */
public final class SourceCapabilities {
  private final Set<Criterion> criteria;
  private final Set<Criterion> digestCriteria;
  private final Set<Sort> sorts;
  private final Set<Metric> metrics;
  private final Set<DigestPeriod.Kind> periods;
  private final boolean lookup;
  private final Set<String> idNamespaces;
  private final int maxLookupBatch;
  private final Set<String> options;
  private final Duration lookupFreshness;

  private SourceCapabilities(Builder b) {
    Set<Criterion> inDigests = EnumSet.noneOf(Criterion.class);
    inDigests.addAll(b.digestCriteria == null ? b.criteria : b.digestCriteria);
    if (b.periods.isEmpty()) {
      inDigests.remove(Criterion.PERIOD);
    } else {
      inDigests.add(Criterion.PERIOD);
    }
    this.criteria = Collections.unmodifiableSet(copy(b.criteria, Criterion.class));
    this.digestCriteria = Collections.unmodifiableSet(inDigests);
    this.sorts = Collections.unmodifiableSet(copy(b.sorts, Sort.class));
    this.metrics = Collections.unmodifiableSet(copy(b.metrics, Metric.class));
    this.periods = Collections.unmodifiableSet(copy(b.periods, DigestPeriod.Kind.class));
    this.lookup = b.lookup;
    this.idNamespaces = Collections.unmodifiableSet(new LinkedHashSet<>(b.idNamespaces));
    this.maxLookupBatch = b.maxLookupBatch;
    this.options = Collections.unmodifiableSet(new LinkedHashSet<>(b.options));
    this.lookupFreshness = b.lookupFreshness;
  }

  /** The criteria the source evaluates natively in queries without a period. */
  public Set<Criterion> criteria() {
    return criteria;
  }

  /**
   * The criteria the source evaluates natively in digests (queries with a period); with a period
   * every sort is applied by the core, on the source's order. Has {@link Criterion#PERIOD} exactly
   * when {@link #periods()} is not empty.
   */
  public Set<Criterion> digestCriteria() {
    return digestCriteria;
  }

  /** The sorts the source applies natively. */
  public Set<Sort> sorts() {
    return sorts;
  }

  /** The metrics its papers carry. */
  public Set<Metric> metrics() {
    return metrics;
  }

  /** The digest periods it serves (empty: no digests). */
  public Set<DigestPeriod.Kind> periods() {
    return periods;
  }

  /** Whether it looks papers up by id. */
  public boolean lookup() {
    return lookup;
  }

  /** The id namespaces it can look up, e.g. {@code arxiv}; empty without lookup. */
  public Set<String> idNamespaces() {
    return idNamespaces;
  }

  /** How many ids one lookup request may carry. */
  public int maxLookupBatch() {
    return maxLookupBatch;
  }

  /** The names of the source-specific query options it accepts. */
  public Set<String> options() {
    return options;
  }

  /** How long a looked-up paper may be served from cache. */
  public Duration lookupFreshness() {
    return lookupFreshness;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SourceCapabilities c
        && criteria.equals(c.criteria)
        && digestCriteria.equals(c.digestCriteria)
        && sorts.equals(c.sorts)
        && metrics.equals(c.metrics)
        && periods.equals(c.periods)
        && lookup == c.lookup
        && idNamespaces.equals(c.idNamespaces)
        && maxLookupBatch == c.maxLookupBatch
        && options.equals(c.options)
        && lookupFreshness.equals(c.lookupFreshness);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        criteria,
        digestCriteria,
        sorts,
        metrics,
        periods,
        lookup,
        idNamespaces,
        maxLookupBatch,
        options,
        lookupFreshness);
  }

  @Override
  public String toString() {
    return "SourceCapabilities{criteria="
        + criteria
        + ", digestCriteria="
        + digestCriteria
        + ", sorts="
        + sorts
        + ", metrics="
        + metrics
        + ", periods="
        + periods
        + ", lookup="
        + (lookup ? idNamespaces + " x" + maxLookupBatch : "none")
        + ", options="
        + options
        + ", lookupFreshness="
        + lookupFreshness
        + "}";
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> set, Class<E> type) {
    return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
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
     * Sets the criteria evaluated natively in digests (queries with a period), when they differ
     * from {@link #criteria(Criterion...)}: a source whose digest endpoint takes only a category,
     * say, declares {@code digestCriteria(Criterion.CATEGORY)}, and the core filters digests by
     * text itself. Calling it with no argument declares none. When never called, digests use the
     * same criteria as other queries.
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

    /**
     * Builds the capabilities.
     *
     * @throws IllegalStateException if {@link Criterion#PERIOD} was declared without {@link
     *     #periods periods}, or lookup without an id namespace
     */
    public SourceCapabilities build() {
      if (periods.isEmpty()
          && (criteria.contains(Criterion.PERIOD)
              || (digestCriteria != null && digestCriteria.contains(Criterion.PERIOD)))) {
        throw new IllegalStateException(
            "Criterion.PERIOD is native only for a source that serves periods:"
                + " declare them with periods(...), which also makes PERIOD native");
      }
      if (lookup && idNamespaces.isEmpty()) {
        throw new IllegalStateException(
            "lookup(...) needs at least one id namespace, e.g. lookup(100, \"arxiv\")");
      }
      return new SourceCapabilities(this);
    }
  }
}

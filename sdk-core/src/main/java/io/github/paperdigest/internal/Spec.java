package io.github.paperdigest.internal;

import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.spi.QuerySpec;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The core's {@link QuerySpec}: the value the fluent queries build, plan, push down and use as the
 * cache key, so it is normalised (strings stripped, lists copied, options sorted). Only the core
 * builds and narrows it; sources read it through {@link QuerySpec}.
 */
public record Spec(
    @Nullable String text,
    @Nullable String title,
    List<String> authors,
    List<String> categories,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable DigestPeriod period,
    @Nullable Integer minUpvotes,
    List<PaperId> ids,
    @Nullable Sort sort,
    Map<String, String> options)
    implements QuerySpec {

  /** The query with no criterion at all. */
  public static final Spec EMPTY =
      new Spec(null, null, List.of(), List.of(), null, null, null, null, List.of(), null, Map.of());

  /**
   * Normalises and checks the criteria.
   *
   * @throws IllegalArgumentException if {@code from} is after {@code to} or minUpvotes is negative
   */
  public Spec {
    text = blankToNull(text);
    title = blankToNull(title);
    authors = stripped(Objects.requireNonNull(authors, "authors == null"));
    categories = stripped(Objects.requireNonNull(categories, "categories == null"));
    ids = List.copyOf(Objects.requireNonNull(ids, "ids == null"));
    Objects.requireNonNull(options, "options == null");
    options = options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("Date range starts after it ends: " + from + " > " + to);
    }
    if (minUpvotes != null && minUpvotes < 0) {
      throw new IllegalArgumentException("minUpvotes < 0: " + minUpvotes);
    }
  }

  /** The strings stripped, in an unmodifiable list (no copy of an empty one). */
  private static List<String> stripped(List<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    String[] out = new String[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).strip();
    }
    return List.of(out);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** This query with only the criteria in {@code kept}; sort and options are kept as they are. */
  public Spec retain(Set<Criterion> kept) {
    return new Spec(
        kept.contains(Criterion.TEXT) ? text : null,
        kept.contains(Criterion.TITLE) ? title : null,
        kept.contains(Criterion.AUTHOR) ? authors : List.of(),
        kept.contains(Criterion.CATEGORY) ? categories : List.of(),
        kept.contains(Criterion.DATE_RANGE) ? from : null,
        kept.contains(Criterion.DATE_RANGE) ? to : null,
        kept.contains(Criterion.PERIOD) ? period : null,
        kept.contains(Criterion.MIN_UPVOTES) ? minUpvotes : null,
        kept.contains(Criterion.IDS) ? ids : List.of(),
        sort,
        options);
  }

  /** This query with only the options named in {@code kept}. */
  public Spec withOptions(Set<String> kept) {
    Map<String, String> o = new TreeMap<>(options);
    o.keySet().retainAll(kept);
    return new Spec(text, title, authors, categories, from, to, period, minUpvotes, ids, sort, o);
  }

  /** This query with {@code sort}. */
  public Spec withSort(@Nullable Sort sort) {
    return new Spec(
        text, title, authors, categories, from, to, period, minUpvotes, ids, sort, options);
  }

  /** A builder pre-filled with this query's criteria. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder with no criterion. */
  public static Builder builder() {
    return new Builder(EMPTY);
  }

  /** Builds {@link Spec} values. Not thread-safe. */
  public static final class Builder {
    private @Nullable String text;
    private @Nullable String title;
    private final List<String> authors;
    private final List<String> categories;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private @Nullable DigestPeriod period;
    private @Nullable Integer minUpvotes;
    private final List<PaperId> ids;
    private @Nullable Sort sort;
    private final Map<String, String> options;

    Builder(Spec q) {
      text = q.text;
      title = q.title;
      authors = new java.util.ArrayList<>(q.authors);
      categories = new java.util.ArrayList<>(q.categories);
      from = q.from;
      to = q.to;
      period = q.period;
      minUpvotes = q.minUpvotes;
      ids = new java.util.ArrayList<>(q.ids);
      sort = q.sort;
      options = new TreeMap<>(q.options);
    }

    /** Sets the free text. */
    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    /** Sets the title words. */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /** Adds an author name. */
    public Builder author(String author) {
      authors.add(Objects.requireNonNull(author, "author == null"));
      return this;
    }

    /** Adds a category. */
    public Builder category(String category) {
      categories.add(Objects.requireNonNull(category, "category == null"));
      return this;
    }

    /** Sets the first publication day, inclusive. */
    public Builder from(@Nullable LocalDate from) {
      this.from = from;
      return this;
    }

    /** Sets the last publication day, inclusive. */
    public Builder to(@Nullable LocalDate to) {
      this.to = to;
      return this;
    }

    /** Sets the digest period. */
    public Builder period(@Nullable DigestPeriod period) {
      this.period = period;
      return this;
    }

    /** Sets the minimum of upvotes. */
    public Builder minUpvotes(@Nullable Integer minUpvotes) {
      this.minUpvotes = minUpvotes;
      return this;
    }

    /** Adds paper ids. */
    public Builder ids(List<PaperId> ids) {
      ids.forEach(id -> this.ids.add(Objects.requireNonNull(id, "id == null")));
      return this;
    }

    /** Sets the sort. */
    public Builder sort(@Nullable Sort sort) {
      this.sort = sort;
      return this;
    }

    /** Sets a source-specific option. */
    public Builder option(String name, String value) {
      options.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Builds the query.
     *
     * @throws IllegalArgumentException as the record's constructor
     */
    public Spec build() {
      return new Spec(
          text, title, authors, categories, from, to, period, minUpvotes, ids, sort, options);
    }
  }
}

package io.github.paperdigest;

import io.github.paperdigest.internal.Engine;
import io.github.paperdigest.internal.Spec;
import io.github.paperdigest.model.Sort;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The criteria {@link Query} and {@link DigestQuery} share, written once. Package-private: its
 * public methods are documented and called as members of the two query types, each returning a new
 * query of its own type.
 *
 * @param <Q> the query type
 */
abstract class Criteria<Q extends Criteria<Q>> {
  final Engine engine;
  final String sourceId;
  final Spec spec;
  final int limit;

  Criteria(Engine engine, String sourceId, Spec spec, int limit) {
    this.engine = engine;
    this.sourceId = sourceId;
    this.spec = spec;
    this.limit = limit;
  }

  /** A query like this one with {@code spec} and {@code limit}. */
  abstract Q copy(Spec spec, int limit);

  final Q with(UnaryOperator<Spec.Builder> change) {
    return copy(change.apply(spec.toBuilder()).build(), limit);
  }

  /** The id of the source queried. */
  public String sourceId() {
    return sourceId;
  }

  /**
   * Papers matching {@code text}: the source's full-text search where it has one, else the words of
   * {@code text} in the title or abstract.
   */
  public Q search(String text) {
    Objects.requireNonNull(text, "text == null");
    return with(b -> b.text(text));
  }

  /** Papers by {@code author}; several calls require every author. */
  public Q author(String author) {
    Objects.requireNonNull(author, "author == null");
    return with(b -> b.author(author));
  }

  /** Papers in one of {@code categories} (e.g. {@code cs.CL}); several calls add categories. */
  public Q category(String... categories) {
    Objects.requireNonNull(categories, "categories == null");
    return with(
        b -> {
          Arrays.stream(categories).forEach(b::category);
          return b;
        });
  }

  /**
   * Papers with at least {@code upvotes} upvotes.
   *
   * @throws IllegalArgumentException if upvotes is negative
   */
  public Q minUpvotes(int upvotes) {
    if (upvotes < 0) {
      throw new IllegalArgumentException("upvotes < 0: " + upvotes);
    }
    return with(b -> b.minUpvotes(upvotes));
  }

  /** Results in {@code sort} order. */
  public Q sortBy(Sort sort) {
    Objects.requireNonNull(sort, "sort == null");
    return with(b -> b.sort(sort));
  }

  /**
   * Sets a source-specific option, e.g. hf-daily's {@code submitter} or arXiv's {@code
   * announce-types}.
   */
  public Q option(String name, String value) {
    return with(b -> b.option(name, value));
  }

  /**
   * At most {@code limit} results (a digest cut by it is then incomplete).
   *
   * @throws IllegalArgumentException if limit is below 1
   */
  public Q limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    return copy(spec, limit);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{"
        + sourceId
        + ", "
        + spec
        + (limit == Integer.MAX_VALUE ? "" : ", limit=" + limit)
        + "}";
  }
}

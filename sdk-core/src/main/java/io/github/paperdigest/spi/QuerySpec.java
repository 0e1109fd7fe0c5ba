package io.github.paperdigest.spi;

import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.DigestPeriod;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceCapabilities;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The criteria of a query as a source sees them: the part of a query the source evaluates natively
 * (see {@link SourceCapabilities#criteria()}); the core applies the rest itself. Values are
 * normalised: strings stripped and never blank, lists never null, options sorted by name.
 *
 * <p>Only the core makes query specs, from the fluent queries of the client; a source reads them.
 * To test a source, run a query through a client built with it (see the {@code paperdigest-testing}
 * artifact).
 */
public interface QuerySpec {

  /** Free text to search for, or null. */
  @Nullable String text();

  /** Words in the title, or null. */
  @Nullable String title();

  /** Author names that must all match. */
  List<String> authors();

  /** Categories of which one must match. */
  List<String> categories();

  /** The first publication day (inclusive, UTC), or null. */
  @Nullable LocalDate from();

  /** The last publication day (inclusive, UTC), or null. */
  @Nullable LocalDate to();

  /** The digest period, or null. */
  @Nullable DigestPeriod period();

  /** The minimum number of upvotes, or null. */
  @Nullable Integer minUpvotes();

  /** Specific paper ids, or empty. */
  List<PaperId> ids();

  /** The order asked for, or null for the source's own order. */
  @Nullable Sort sort();

  /** Source-specific options by name (e.g. hf-daily's {@code submitter}). */
  Map<String, String> options();

  /** The value of a source-specific option, or null. */
  default @Nullable String option(String name) {
    return options().get(name);
  }

  /** The criteria this query uses (sort and options are not criteria). */
  default Set<Criterion> criteria() {
    Set<Criterion> used = EnumSet.noneOf(Criterion.class);
    if (text() != null) used.add(Criterion.TEXT);
    if (title() != null) used.add(Criterion.TITLE);
    if (!authors().isEmpty()) used.add(Criterion.AUTHOR);
    if (!categories().isEmpty()) used.add(Criterion.CATEGORY);
    if (from() != null || to() != null) used.add(Criterion.DATE_RANGE);
    if (period() != null) used.add(Criterion.PERIOD);
    if (minUpvotes() != null) used.add(Criterion.MIN_UPVOTES);
    if (!ids().isEmpty()) used.add(Criterion.IDS);
    return used;
  }
}

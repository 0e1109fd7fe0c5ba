package io.github.paperdigest.internal;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Criterion;
import io.github.paperdigest.model.Metric;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Papers;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.model.UnsupportedQueryException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one query runs against one source: the criteria pushed down to it, the filter and sort the
 * core applies to what comes back. Planning fails with {@link UnsupportedQueryException} before any
 * request when a criterion can be evaluated neither natively nor locally.
 *
 * @param pushed the part of the query the source evaluates (sent in each page request)
 * @param local the criteria the core evaluates
 * @param filter the local filter (accepts everything when {@code local} is empty)
 * @param localSort the local order, or null when the source's order stands
 */
record QueryPlan(
    Spec pushed,
    Set<Criterion> local,
    Predicate<Paper> filter,
    @Nullable Comparator<Paper> localSort) {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Whether the core changes what the source returns (so page sizes cannot follow the limit). */
  boolean filtersOrSorts() {
    return !local.isEmpty() || localSort != null;
  }

  static QueryPlan of(String sourceId, SourceCapabilities caps, Spec spec) {
    for (String option : spec.options().keySet()) {
      if (!caps.options().contains(option)) {
        throw new UnsupportedQueryException(
            sourceId,
            "option '" + option + "'",
            caps.options().isEmpty()
                ? "the source takes no options"
                : "the source takes the options " + String.join(", ", caps.options()));
      }
    }
    Set<Criterion> pushed = EnumSet.noneOf(Criterion.class);
    Set<Criterion> local = EnumSet.noneOf(Criterion.class);
    boolean upvotes = caps.metrics().contains(Metric.UPVOTES);
    Set<Criterion> nativeCriteria = spec.period() != null ? caps.digestCriteria() : caps.criteria();
    for (Criterion c : spec.criteria()) {
      if (nativeCriteria.contains(c)) {
        pushed.add(c);
      } else if (c == Criterion.PERIOD) {
        throw new UnsupportedQueryException(sourceId, "PERIOD", "the source serves no digests");
      } else if (c == Criterion.MIN_UPVOTES && !upvotes) {
        throw new UnsupportedQueryException(
            sourceId, "MIN_UPVOTES", "the source does not count upvotes");
      } else {
        local.add(c);
      }
    }
    if (spec.period() != null && !caps.periods().contains(spec.period().kind())) {
      throw new UnsupportedQueryException(
          sourceId,
          "PERIOD",
          "the source serves no "
              + spec.period().kind()
              + " digests (it serves "
              + caps.periods()
              + ")");
    }
    Sort sort = spec.sort();
    Comparator<Paper> localSort = null;
    Sort pushedSort = null;
    if (sort != null) {
      if (spec.period() == null && caps.sorts().contains(sort)) {
        pushedSort = sort;
      } else {
        if (sort == Sort.MOST_UPVOTED && !upvotes) {
          throw new UnsupportedQueryException(
              sourceId, "sort MOST_UPVOTED", "the source does not count upvotes");
        }
        if (sort == Sort.RELEVANCE) {
          throw new UnsupportedQueryException(
              sourceId, "sort RELEVANCE", "the source has no relevance ranking");
        }
        localSort = Papers.order(sort);
      }
    }
    return new QueryPlan(
        spec.retain(pushed).withSort(pushedSort), local, filter(spec, local), localSort);
  }

  /** The core's own test of {@code local} criteria of {@code spec}. */
  static Predicate<Paper> filter(Spec spec, Set<Criterion> local) {
    List<Predicate<Paper>> tests = new ArrayList<>();
    if (local.contains(Criterion.TEXT)) {
      List<String> words = words(spec.text());
      tests.add(
          p -> {
            String haystack = (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(haystack::contains);
          });
    }
    if (local.contains(Criterion.TITLE)) {
      List<String> words = words(spec.title());
      tests.add(
          p -> {
            String title = p.title().toLowerCase(Locale.ROOT);
            return words.stream().allMatch(title::contains);
          });
    }
    if (local.contains(Criterion.AUTHOR)) {
      List<String> wanted = spec.authors().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
      tests.add(
          p ->
              wanted.stream()
                  .allMatch(
                      w ->
                          p.authors().stream()
                              .map(Author::name)
                              .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(w))));
    }
    if (local.contains(Criterion.CATEGORY)) {
      Set<String> wanted = new HashSet<>();
      spec.categories().forEach(c -> wanted.add(c.toLowerCase(Locale.ROOT)));
      tests.add(
          p ->
              p.categories().stream().anyMatch(c -> wanted.contains(c.toLowerCase(Locale.ROOT)))
                  || (p.primaryCategory() != null
                      && wanted.contains(p.primaryCategory().toLowerCase(Locale.ROOT))));
    }
    if (local.contains(Criterion.DATE_RANGE)) {
      LocalDate from = spec.from();
      LocalDate to = spec.to();
      tests.add(
          p -> {
            if (p.published() == null) {
              return false;
            }
            LocalDate day = LocalDate.ofInstant(p.published(), ZoneOffset.UTC);
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
          });
    }
    if (local.contains(Criterion.MIN_UPVOTES)) {
      int min = Objects.requireNonNull(spec.minUpvotes(), "minUpvotes");
      tests.add(p -> p.metrics().upvotes() != null && p.metrics().upvotes() >= min);
    }
    if (local.contains(Criterion.IDS)) {
      Set<PaperId> ids = new HashSet<>();
      spec.ids().forEach(id -> ids.add(id.unversioned()));
      tests.add(p -> ids.contains(p.id()));
    }
    return p -> {
      for (Predicate<Paper> t : tests) {
        if (!t.test(p)) {
          return false;
        }
      }
      return true;
    };
  }

  private static List<String> words(@Nullable String text) {
    if (text == null) {
      return List.of();
    }
    return WHITESPACE
        .splitAsStream(text.toLowerCase(Locale.ROOT))
        .map(w -> w.replaceAll("^\"|\"$", ""))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}

package io.github.paperdigest.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Combining what several sources know of the same papers: one paper from two descriptions ({@link
 * #merge(Paper, Paper)}), lists from several sources de-duplicated by id ({@link #merge(List)}),
 * and the common orders ({@link #sorted(List, Sort)}).
 *
 * <h2>Which source wins each field</h2>
 *
 * The <em>primary</em> description is the one asked first (the digest being enriched, the first
 * source of a merged query); the other one fills what the primary leaves empty:
 *
 * <table>
 *   <caption>Merge rule by component</caption>
 *   <tr><th>component</th><th>merged value</th></tr>
 *   <tr><td>id, title, source</td><td>the primary's</td></tr>
 *   <tr><td>abstract, authors, published, primary category, comment, journal reference, DOI</td>
 *       <td>the primary's; the other's where the primary's is empty or null</td></tr>
 *   <tr><td>version, updated</td><td>the higher / the later of the two (a newer version is news)
 *       </td></tr>
 *   <tr><td>categories</td><td>the union, the primary's first</td></tr>
 *   <tr><td>links, metrics</td><td>link by link and count by count: the primary's, else the
 *       other's</td></tr>
 *   <tr><td>attributes</td><td>the union; on the same key, the primary's value</td></tr>
 * </table>
 *
 * So Hugging Face's day enriched with arXiv keeps Hugging Face's upvotes, AI summary, GitHub link
 * and comment count, and gains arXiv's categories, comment, journal reference, DOI and version.
 */
public final class Papers {
  private Papers() {}

  /**
   * One paper from two descriptions of it, by the rule above.
   *
   * @throws IllegalArgumentException if the two have different ids
   */
  public static Paper merge(Paper primary, Paper other) {
    Objects.requireNonNull(primary, "primary == null");
    Objects.requireNonNull(other, "other == null");
    if (!primary.id().equals(other.id())) {
      throw new IllegalArgumentException(
          "Not the same paper: " + primary.id() + " and " + other.id());
    }
    Paper.Builder b = primary.toBuilder();
    if (primary.abstractText().isEmpty()) {
      b.abstractText(other.abstractText());
    }
    if (primary.authors().isEmpty()) {
      b.authors(other.authors());
    }
    b.published(either(primary.published(), other.published()));
    b.updated(later(primary.updated(), other.updated()));
    Integer version = primary.version();
    Integer otherVersion = other.version();
    b.version(
        version == null || (otherVersion != null && otherVersion > version)
            ? otherVersion
            : version);
    b.primaryCategory(either(primary.primaryCategory(), other.primaryCategory()));
    List<String> categories = new ArrayList<>(primary.categories());
    categories.addAll(other.categories()); // Paper drops the repeats
    b.categories(categories);
    b.comment(either(primary.comment(), other.comment()));
    b.journalRef(either(primary.journalRef(), other.journalRef()));
    b.doi(either(primary.doi(), other.doi()));
    Links p = primary.links();
    Links o = other.links();
    b.links(
        new Links(
            either(p.abstractPage(), o.abstractPage()),
            either(p.pdf(), o.pdf()),
            either(p.doi(), o.doi()),
            either(p.code(), o.code()),
            either(p.project(), o.project()),
            either(p.discussion(), o.discussion())));
    Metrics pm = primary.metrics();
    Metrics om = other.metrics();
    b.metrics(
        new Metrics(
            either(pm.upvotes(), om.upvotes()),
            either(pm.comments(), om.comments()),
            either(pm.githubStars(), om.githubStars())));
    other.attributes().forEach((key, value) -> addAttribute(b, primary, key, value));
    return b.build();
  }

  /**
   * The papers of {@code lists}, each id once: in the order first seen, each merged ({@link
   * #merge(Paper, Paper)}) with its later descriptions, the earlier list being the primary.
   */
  public static List<Paper> merge(List<? extends Collection<Paper>> lists) {
    Objects.requireNonNull(lists, "lists == null");
    Map<PaperId, Paper> byId = new LinkedHashMap<>();
    for (Collection<Paper> list : lists) {
      for (Paper paper : list) {
        byId.merge(paper.id(), paper, Papers::merge);
      }
    }
    return List.copyOf(byId.values());
  }

  /** {@code papers} in {@code sort} order ({@link #order(Sort)}), ties in their given order. */
  public static List<Paper> sorted(List<Paper> papers, Sort sort) {
    List<Paper> copy = new ArrayList<>(papers);
    copy.sort(order(sort)); // stable
    return List.copyOf(copy);
  }

  /**
   * The order of {@code sort}: {@link Sort#NEWEST} and {@link Sort#OLDEST} by publication, {@link
   * Sort#MOST_UPVOTED} by upvotes, papers without the value last; {@link Sort#RELEVANCE}, which
   * only a publisher can rank, keeps papers in their given order.
   */
  public static Comparator<Paper> order(Sort sort) {
    Objects.requireNonNull(sort, "sort == null");
    return switch (sort) {
      case NEWEST ->
          Comparator.comparing(
              Paper::published, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
      case OLDEST ->
          Comparator.comparing(
              Paper::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
      case MOST_UPVOTED ->
          Comparator.comparing(
              (Paper p) -> p.metrics().upvotes(),
              Comparator.nullsLast(Comparator.<Integer>reverseOrder()));
      case RELEVANCE -> Papers::unordered;
    };
  }

  /** Every two papers tie, so a stable sort keeps their order. */
  @SuppressWarnings("UnusedVariable") // a comparator's parameters, deliberately ignored
  private static int unordered(Paper a, Paper b) {
    return 0;
  }

  @SuppressWarnings("unchecked") // the value came from a paper, under this key
  private static void addAttribute(
      Paper.Builder b, Paper primary, AttributeKey<?> key, Object value) {
    if (!primary.attributes().containsKey(key)) {
      b.attribute((AttributeKey<Object>) key, value);
    }
  }

  private static <T> @Nullable T either(@Nullable T first, @Nullable T second) {
    return first != null ? first : second;
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || !b.isAfter(a) ? a : b;
  }
}

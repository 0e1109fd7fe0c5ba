package io.github.paperdigest.arxiv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A search query in the arXiv API's syntax, built from typed parts: field terms, quoted phrases,
 * {@code AND}, {@code OR} and {@code ANDNOT} with grouping done for you, and submission date
 * ranges. {@link #toString()} is the {@code search_query} string; hand it to a query with the
 * {@link Arxiv#QUERY} option. Immutable and value-based.
 *
 * <pre>{@code
 * ArxivQuery q = ArxivQuery.title("large language model")          // ti:"large language model"
 *     .and(ArxivQuery.category("cs.CL").or(ArxivQuery.category("cs.LG")))
 *     .andNot(ArxivQuery.abstractText("survey"))
 *     .and(ArxivQuery.submittedBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
 * // ti:"large language model" AND (cat:cs.CL OR cat:cs.LG) ANDNOT abs:survey
 * //   AND submittedDate:[202501010000 TO 202506302359]
 * }</pre>
 *
 * <p>A value of one word is sent as it is; a value of several words, or with characters that the
 * syntax would read otherwise, is sent as a quoted phrase (double quotes inside it are dropped: the
 * syntax has no escape).
 */
public final class ArxivQuery {

  /** The fields of the arXiv search syntax. */
  public enum Field {
    /** Every field. */
    ALL("all"),
    /** The title. */
    TITLE("ti"),
    /** An author's name. */
    AUTHOR("au"),
    /** The abstract. */
    ABSTRACT("abs"),
    /** The authors' comment. */
    COMMENT("co"),
    /** The journal reference. */
    JOURNAL_REF("jr"),
    /** A subject category, e.g. {@code cs.CL} or {@code hep-th}. */
    CATEGORY("cat"),
    /** The report number. */
    REPORT_NUMBER("rn"),
    /** The arXiv id. */
    ID("id");

    private final String prefix;

    Field(String prefix) {
      this.prefix = prefix;
    }

    /** The prefix in the syntax, e.g. {@code ti}. */
    public String prefix() {
      return prefix;
    }
  }

  private enum Op {
    AND,
    OR,
    ANDNOT
  }

  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}_.*'-]+");
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final String text;

  /** The operator at the top of this query, or null for a term, a range or a raw query. */
  private final @Nullable Op op;

  private final boolean raw;

  private ArxivQuery(String text, @Nullable Op op, boolean raw) {
    this.text = text;
    this.op = op;
    this.raw = raw;
  }

  /**
   * {@code value} in {@code field}: {@code ti:transformer}, or {@code ti:"attention is all"} for
   * several words.
   *
   * @throws IllegalArgumentException if the value is blank
   */
  public static ArxivQuery term(Field field, String value) {
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(value, "value == null");
    String v = value.replace('"', ' ').strip().replaceAll("\\s+", " ");
    if (v.isEmpty()) {
      throw new IllegalArgumentException("Blank value for arXiv field " + field.prefix());
    }
    String rendered = PLAIN.matcher(v).matches() && !isOperator(v) ? v : '"' + v + '"';
    return new ArxivQuery(field.prefix() + ':' + rendered, null, false);
  }

  private static boolean isOperator(String v) {
    return v.equals("AND") || v.equals("OR") || v.equals("ANDNOT");
  }

  /** {@code all:value}: the value in any field. */
  public static ArxivQuery all(String value) {
    return term(Field.ALL, value);
  }

  /** {@code ti:value}. */
  public static ArxivQuery title(String value) {
    return term(Field.TITLE, value);
  }

  /** {@code au:value}, e.g. {@code author("Yann LeCun")}. */
  public static ArxivQuery author(String value) {
    return term(Field.AUTHOR, value);
  }

  /** {@code abs:value}. */
  public static ArxivQuery abstractText(String value) {
    return term(Field.ABSTRACT, value);
  }

  /** {@code co:value}. */
  public static ArxivQuery comment(String value) {
    return term(Field.COMMENT, value);
  }

  /** {@code jr:value}. */
  public static ArxivQuery journalRef(String value) {
    return term(Field.JOURNAL_REF, value);
  }

  /** {@code cat:value}, e.g. {@code category("cs.CL")}. */
  public static ArxivQuery category(String value) {
    return term(Field.CATEGORY, value);
  }

  /** {@code rn:value}. */
  public static ArxivQuery reportNumber(String value) {
    return term(Field.REPORT_NUMBER, value);
  }

  /** {@code id:value}. */
  public static ArxivQuery id(String value) {
    return term(Field.ID, value);
  }

  /**
   * Submitted from {@code from} to {@code to}, both inclusive, at minute precision in GMT (arXiv's
   * {@code submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM]}); seconds are dropped.
   *
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public static ArxivQuery submittedBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("Date range starts after it ends: " + from + " > " + to);
    }
    return new ArxivQuery(
        "submittedDate:["
            + MINUTE.format(from.truncatedTo(ChronoUnit.MINUTES))
            + " TO "
            + MINUTE.format(to.truncatedTo(ChronoUnit.MINUTES))
            + "]",
        null,
        false);
  }

  /**
   * Submitted on the days from {@code from} to {@code to}, both inclusive, in GMT ({@code 0000} of
   * the first to {@code 2359} of the last).
   *
   * @throws IllegalArgumentException if {@code from} is after {@code to}
   */
  public static ArxivQuery submittedBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    return submittedBetween(
        from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atTime(23, 59).toInstant(ZoneOffset.UTC));
  }

  /**
   * A query written in arXiv's syntax by hand, sent as it is (grouped in parentheses when
   * combined): the escape hatch for what the builder does not cover.
   *
   * @throws IllegalArgumentException if it is blank
   */
  public static ArxivQuery raw(String query) {
    Objects.requireNonNull(query, "query == null");
    if (query.isBlank()) {
      throw new IllegalArgumentException("Blank arXiv query");
    }
    return new ArxivQuery(query.strip(), null, true);
  }

  /** Every one of {@code parts}. */
  public static ArxivQuery allOf(List<ArxivQuery> parts) {
    return fold(parts, Op.AND);
  }

  /** Any one of {@code parts}. */
  public static ArxivQuery anyOf(List<ArxivQuery> parts) {
    return fold(parts, Op.OR);
  }

  private static ArxivQuery fold(List<ArxivQuery> parts, Op op) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("No query parts to combine");
    }
    ArxivQuery q = Objects.requireNonNull(parts.get(0), "part == null");
    for (int i = 1; i < parts.size(); i++) {
      q = q.combine(op, parts.get(i));
    }
    return q;
  }

  /** This query {@code AND} {@code other}. */
  public ArxivQuery and(ArxivQuery other) {
    return combine(Op.AND, other);
  }

  /** This query {@code OR} {@code other}. */
  public ArxivQuery or(ArxivQuery other) {
    return combine(Op.OR, other);
  }

  /**
   * This query {@code ANDNOT} {@code other}: matches of this one that do not match {@code other}.
   */
  public ArxivQuery andNot(ArxivQuery other) {
    return combine(Op.ANDNOT, other);
  }

  private ArxivQuery combine(Op with, ArxivQuery other) {
    Objects.requireNonNull(other, "other == null");
    // A chain of the same associative operator needs no parentheses on its left; everything
    // else compound is grouped, so the result never depends on arXiv's operator precedence.
    boolean leftBare = !raw && (op == null || (op == with && with != Op.ANDNOT));
    String left = leftBare ? text : '(' + text + ')';
    String right = other.op == null && !other.raw ? other.text : '(' + other.text + ')';
    return new ArxivQuery(left + ' ' + with.name() + ' ' + right, with, false);
  }

  /** The query in arXiv's syntax, the value of the API's {@code search_query} parameter. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArxivQuery q && q.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}

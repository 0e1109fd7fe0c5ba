package io.github.paperdigest.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The period a digest covers: one day, one ISO week, one month, or the latest list a source has.
 * Immutable and value-based; {@link #toString()} renders the ISO form {@link #parse(String)} reads
 * ({@code 2025-10-03}, {@code 2025-W40}, {@code 2025-10}, {@code latest}).
 *
 * @param kind which kind of period
 * @param start the first day of the period; null for {@link Kind#LATEST}
 */
public record DigestPeriod(Kind kind, @Nullable LocalDate start) {

  /** The kinds of period. */
  public enum Kind {
    /** One calendar day. */
    DAY,
    /** One ISO-8601 week, Monday to Sunday. */
    WEEK,
    /** One calendar month. */
    MONTH,
    /** Whatever the source published last. */
    LATEST
  }

  private static final DigestPeriod LATEST = new DigestPeriod(Kind.LATEST, null);
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  /**
   * Checks that {@code start} is where a period of {@code kind} begins.
   *
   * @throws IllegalArgumentException if start is missing, present for LATEST, or not a Monday
   *     (WEEK) or first of the month (MONTH)
   */
  public DigestPeriod {
    Objects.requireNonNull(kind, "kind == null");
    if ((kind == Kind.LATEST) != (start == null)) {
      throw new IllegalArgumentException(
          kind == Kind.LATEST ? "The latest period has no start" : kind + " needs a start date");
    }
    if (kind == Kind.WEEK && start.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("An ISO week starts on a Monday, not " + start);
    }
    if (kind == Kind.MONTH && start.getDayOfMonth() != 1) {
      throw new IllegalArgumentException("A month starts on its first day, not " + start);
    }
  }

  /** The day {@code date}. */
  public static DigestPeriod day(LocalDate date) {
    return new DigestPeriod(Kind.DAY, Objects.requireNonNull(date, "date == null"));
  }

  /** The ISO week that contains {@code date}. */
  public static DigestPeriod weekOf(LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    return new DigestPeriod(
        Kind.WEEK, date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /**
   * ISO week {@code week} of week-based-year {@code weekBasedYear}.
   *
   * @throws IllegalArgumentException if that year has no such week
   */
  public static DigestPeriod week(int weekBasedYear, int week) {
    LocalDate jan4 = LocalDate.of(weekBasedYear, 1, 4);
    long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException(
          "Week "
              + week
              + " does not exist in "
              + weekBasedYear
              + " (it has "
              + weeks
              + " ISO weeks)");
    }
    return weekOf(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
  }

  /** The month {@code month}. */
  public static DigestPeriod month(YearMonth month) {
    return new DigestPeriod(Kind.MONTH, Objects.requireNonNull(month, "month == null").atDay(1));
  }

  /** The latest list a source has. */
  public static DigestPeriod latest() {
    return LATEST;
  }

  /**
   * Parses {@code 2025-10-03} (a day), {@code 2025-W40} (an ISO week), {@code 2025-10} (a month) or
   * {@code latest}.
   *
   * @throws IllegalArgumentException naming the input if it is none of these
   */
  public static DigestPeriod parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String s = text.strip();
    try {
      if (s.equalsIgnoreCase("latest")) {
        return LATEST;
      }
      Matcher week = WEEK.matcher(s);
      if (week.matches()) {
        return week(Integer.parseInt(week.group(1)), Integer.parseInt(week.group(2)));
      }
      if (MONTH.matcher(s).matches()) {
        return month(YearMonth.parse(s));
      }
      return day(LocalDate.parse(s));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a digest period: '"
              + text
              + "' (expected a day 2025-10-03, a week 2025-W40, a month 2025-10, or latest)",
          e);
    }
  }

  /**
   * Parses an ISO week such as {@code 2025-W40}.
   *
   * @throws IllegalArgumentException naming the input if it is not an existing ISO week
   */
  public static DigestPeriod parseWeek(String text) {
    Objects.requireNonNull(text, "text == null");
    Matcher m = WEEK.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not an ISO week: '" + text + "' (expected e.g. 2025-W40)");
    }
    try {
      return week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an ISO week: '" + text + "': " + e.getMessage(), e);
    }
  }

  /** The last day of the period; null for LATEST. */
  public @Nullable LocalDate end() {
    if (start == null) {
      return null;
    }
    return switch (kind) {
      case DAY -> start;
      case WEEK -> start.plusDays(6);
      case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
      case LATEST -> null;
    };
  }

  /** Whether {@code date} falls in this period; always false for LATEST. */
  public boolean contains(LocalDate date) {
    LocalDate end = end();
    return start != null && end != null && !date.isBefore(start) && !date.isAfter(end);
  }

  /** The ISO form: {@code 2025-10-03}, {@code 2025-W40}, {@code 2025-10} or {@code latest}. */
  @Override
  public String toString() {
    if (start == null) {
      return "latest";
    }
    return switch (kind) {
      case DAY -> start.toString();
      case WEEK ->
          String.format(
              "%d-W%02d",
              start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> YearMonth.from(start).toString();
      case LATEST -> "latest";
    };
  }
}

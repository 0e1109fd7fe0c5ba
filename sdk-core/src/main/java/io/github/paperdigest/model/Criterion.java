package io.github.paperdigest.model;

/**
 * A kind of query criterion. A source evaluates some natively (they are sent to the publisher); the
 * core evaluates the rest locally where it can, and refuses a query with {@link
 * UnsupportedQueryException} where it cannot.
 */
public enum Criterion {
  /** Free text; locally every word must occur in the title or abstract. */
  TEXT,
  /** Words in the title. */
  TITLE,
  /** An author name (every named author must match one author). */
  AUTHOR,
  /** A subject category (any of the named categories matches). */
  CATEGORY,
  /** Publication date within a range of days (UTC). */
  DATE_RANGE,
  /** A digest period: a day, week, month or the latest list. Never evaluated locally. */
  PERIOD,
  /** A minimum number of upvotes; locally only where the source counts upvotes. */
  MIN_UPVOTES,
  /** Specific paper ids. */
  IDS
}

package io.github.paperdigest.model;

/**
 * An order for query results. When the source cannot sort natively the core sorts locally, which
 * reads every page of the result before the first paper is returned.
 */
public enum Sort {
  /** The publisher's relevance to the query text; only sources with search provide it. */
  RELEVANCE,
  /** Most recently published first. */
  NEWEST,
  /** Earliest published first. */
  OLDEST,
  /** Most upvoted first; only for sources that count upvotes. */
  MOST_UPVOTED
}

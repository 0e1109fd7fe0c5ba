package io.github.paperdigest.model;

/** A reader signal a source may count for its papers; see {@link Metrics}. */
public enum Metric {
  /** {@link Metrics#upvotes()}. */
  UPVOTES,
  /** {@link Metrics#comments()}. */
  COMMENTS,
  /** {@link Metrics#githubStars()}. */
  GITHUB_STARS
}

package io.github.paperdigest.model;

import org.jspecify.annotations.Nullable;

/**
 * Reader signals a publisher counts for a paper; each is null where the publisher has none.
 * Immutable and value-based.
 *
 * @param upvotes readers' upvotes (Hugging Face)
 * @param comments number of comments in the publisher's discussion
 * @param githubStars stars of the paper's code repository
 */
public record Metrics(
    @Nullable Integer upvotes, @Nullable Integer comments, @Nullable Integer githubStars) {

  /** No metrics. */
  public static final Metrics NONE = new Metrics(null, null, null);

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public Metrics {
    check("upvotes", upvotes);
    check("comments", comments);
    check("githubStars", githubStars);
  }

  private static void check(String name, @Nullable Integer value) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(name + " < 0: " + value);
    }
  }
}

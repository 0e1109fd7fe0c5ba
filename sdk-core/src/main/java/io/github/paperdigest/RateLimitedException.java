package io.github.paperdigest;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a publisher keeps answering HTTP 429 (or asks for a wait longer than the politeness
 * policy allows to sleep). {@link #retryAfter()} says how long the publisher asked to wait.
 */
public class RateLimitedException extends SourceHttpException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param sourceId the source that made the request
   * @param status the HTTP status code, usually 429
   * @param url the URL requested
   * @param publisherMessage what the publisher said, or null
   * @param retryAfter how long the publisher asked to wait, or null if it did not say
   */
  public RateLimitedException(
      String sourceId, int status, String url, @Nullable String publisherMessage, @Nullable Duration retryAfter) {
    super(sourceId, status, url, publisherMessage,
        retryAfter == null ? " (rate limited)" : " (rate limited; retry after " + retryAfter.toSeconds() + " s)");
    this.retryAfter = retryAfter;
  }

  /** How long the publisher asked to wait, or null if it did not say. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}

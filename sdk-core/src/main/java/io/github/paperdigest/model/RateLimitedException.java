package io.github.paperdigest.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a publisher keeps answering HTTP 429 (or asks for a wait longer than the politeness
 * policy allows to sleep), and for a request not sent at all because an earlier answer asked for a
 * pause that lasts longer than the caller's patience. {@link #retryAfter()} says how long to wait.
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
      String sourceId,
      int status,
      String url,
      @Nullable String publisherMessage,
      @Nullable Duration retryAfter) {
    super(
        sourceId,
        status,
        url,
        publisherMessage,
        retryAfter == null
            ? " (rate limited)"
            : " (rate limited; retry after " + retryAfter.toSeconds() + " s)");
    this.retryAfter = retryAfter;
  }

  /**
   * Creates the exception for a request that was not sent: an earlier answer of the same origin
   * (with {@code status}, usually 429 or 503) asked for a pause that lasts {@code retryAfter} more.
   *
   * @param sourceId the source that would have made the request
   * @param url the URL that was not requested
   * @param status the status of the answer that asked for the pause
   * @param retryAfter how much of the pause remains
   */
  public RateLimitedException(String sourceId, String url, int status, Duration retryAfter) {
    super(
        sourceId,
        "not sent to "
            + url
            + ": an earlier answer (HTTP "
            + status
            + ") asked for a pause; retry after "
            + retryAfter.toSeconds()
            + " s",
        status,
        url);
    this.retryAfter = retryAfter;
  }

  /** How long the publisher asked to wait, or null if it did not say. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}

package io.github.paperdigest.model;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a publisher could not be reached or did not answer in time: a refused or reset
 * connection, an unknown host, a timeout, a redirect loop. The cause is the underlying {@link
 * java.io.IOException} where there is one.
 */
public class SourceUnavailableException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String url;

  /**
   * Creates the exception.
   *
   * @param sourceId the source that made the request
   * @param url the URL requested, or null if none was
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  public SourceUnavailableException(
      String sourceId, @Nullable String url, String message, @Nullable Throwable cause) {
    super(sourceId, message + (url == null ? "" : " (" + url + ")"), cause);
    this.url = url;
  }

  /** The URL requested, or null if none was. */
  public @Nullable String url() {
    return url;
  }
}

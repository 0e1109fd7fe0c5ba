package io.github.paperdigest.model;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a publisher answers with an HTTP error status (after any retries the source's
 * politeness policy allows). Carries the status, the URL and the publisher's own message where it
 * gave one, e.g. arXiv's {@code incorrect id format for abc}, with its whitespace collapsed and
 * without control characters.
 */
public class SourceHttpException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String url;
  private final @Nullable String publisherMessage;

  /**
   * Creates the exception.
   *
   * @param sourceId the source that made the request
   * @param status the HTTP status code
   * @param url the URL requested (without credentials)
   * @param publisherMessage what the publisher said, or null
   */
  public SourceHttpException(
      String sourceId, int status, String url, @Nullable String publisherMessage) {
    this(sourceId, status, url, publisherMessage, "");
  }

  SourceHttpException(
      String sourceId, int status, String url, @Nullable String publisherMessage, String suffix) {
    super(
        sourceId,
        "HTTP "
            + status
            + " from "
            + url
            + (publisherMessage == null ? "" : ": " + Text.normalize(publisherMessage))
            + suffix,
        null);
    this.status = status;
    this.url = url;
    this.publisherMessage = publisherMessage == null ? null : Text.normalize(publisherMessage);
  }

  /** For a request that was not sent: {@code message} as it is, no publisher message. */
  SourceHttpException(String sourceId, String message, int status, String url) {
    super(sourceId, message, null);
    this.status = status;
    this.url = url;
    this.publisherMessage = null;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The URL that was requested. */
  public String url() {
    return url;
  }

  /** The publisher's own message about the error, or null if it gave none. */
  public @Nullable String publisherMessage() {
    return publisherMessage;
  }
}

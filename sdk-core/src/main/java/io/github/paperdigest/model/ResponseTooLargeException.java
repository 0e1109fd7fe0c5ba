package io.github.paperdigest.model;

/**
 * Thrown when a response body is larger than the client's maximum response size, so that a runaway
 * answer fails instead of filling the heap. See {@code PaperDigest.Builder.maxResponseSize}.
 */
public class ResponseTooLargeException extends SourceUnavailableException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates the exception.
   *
   * @param sourceId the source that made the request
   * @param url the URL requested
   * @param limit the maximum size in bytes that was exceeded
   */
  public ResponseTooLargeException(String sourceId, String url, long limit) {
    super(sourceId, url, "response body larger than the limit of " + limit + " bytes", null);
    this.limit = limit;
  }

  /** The maximum size in bytes that was exceeded. */
  public long limit() {
    return limit;
  }
}

package io.github.paperdigest.model;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception PaperDigest throws for a failed query: unchecked, because results
 * cross {@code Stream}, {@code Iterator} and {@code CompletableFuture} boundaries. Catch this type
 * to handle any failure, or a subtype for one kind:
 *
 * <ul>
 *   <li>{@link UnknownSourceException}: no source has the id asked for;
 *   <li>{@link UnsupportedQueryException}: a criterion the source cannot evaluate, before any
 *       request;
 *   <li>{@link SourceHttpException}: the publisher answered with an error status, and its subtype
 *       {@link RateLimitedException} for HTTP 429;
 *   <li>{@link SourceUnavailableException}: no answer (I/O error, timeout, refused connection), and
 *       its subtype {@link ResponseTooLargeException};
 *   <li>{@link SourceParseException}: an answer that does not have the expected shape;
 *   <li>{@link SourceConfigurationException}: a broken plugin or setting.
 * </ul>
 *
 * <p>Failed results are never cached.
 */
public class PaperDigestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sourceId;

  /**
   * Creates an exception for {@code sourceId} (null when no one source is concerned).
   *
   * @param sourceId the source concerned, or null
   * @param message what went wrong; the source id is prefixed when present
   * @param cause the underlying failure, or null
   */
  public PaperDigestException(
      @Nullable String sourceId, String message, @Nullable Throwable cause) {
    super(sourceId == null ? message : sourceId + ": " + message, cause);
    this.sourceId = sourceId;
  }

  /** The id of the source concerned, or null when none is. */
  public @Nullable String sourceId() {
    return sourceId;
  }
}

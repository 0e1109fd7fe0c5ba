package io.github.paperdigest.model;

/**
 * Thrown before any request when a query asks for something its source can neither evaluate
 * natively nor the core locally, such as a minimum of upvotes on a source without upvotes.
 */
public class UnsupportedQueryException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  private final String criterion;

  /**
   * Creates the exception.
   *
   * @param sourceId the source queried
   * @param criterion the criterion, sort or option refused, e.g. {@code MIN_UPVOTES}
   * @param reason why, e.g. "the source has no upvotes"
   */
  public UnsupportedQueryException(String sourceId, String criterion, String reason) {
    super(sourceId, "unsupported query criterion " + criterion + ": " + reason, null);
    this.criterion = criterion;
  }

  /** The criterion, sort or option that was refused. */
  public String criterion() {
    return criterion;
  }
}

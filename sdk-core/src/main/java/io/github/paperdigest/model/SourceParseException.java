package io.github.paperdigest.model;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a publisher's answer does not have the shape the source expects: malformed JSON or
 * XML, a missing required field, an HTML page whose layout changed. The message says what was
 * expected and where ({@code item 3: missing field 'paper.id'}).
 */
public class SourceParseException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String url;
  private final String where;

  /**
   * Creates the exception.
   *
   * @param sourceId the source that parsed
   * @param url the URL of the answer, or null if not known
   * @param where where in the answer, e.g. {@code item 3} or {@code $[3].paper}; may be empty
   * @param expected what was expected there, e.g. {@code missing field 'id'}
   * @param cause the parser's own exception, or null
   */
  public SourceParseException(
      String sourceId,
      @Nullable String url,
      String where,
      String expected,
      @Nullable Throwable cause) {
    super(
        sourceId,
        "cannot parse "
            + (url == null ? "response" : url)
            + ": "
            + (where.isEmpty() ? "" : where + ": ")
            + expected,
        cause);
    this.url = url;
    this.where = where;
  }

  /** The URL of the answer, or null if not known. */
  public @Nullable String url() {
    return url;
  }

  /** Where in the answer the problem is; may be empty. */
  public String where() {
    return where;
  }
}

package io.github.paperdigest.model;

import java.util.List;

/** Thrown when a query names a source id that no registered or discovered provider has. */
public class UnknownSourceException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  private final String requested;
  private final List<String> known;

  /**
   * Creates the exception.
   *
   * @param requested the id asked for
   * @param known the ids that are available, in order
   * @param detail more to say (e.g. providers that failed to load), or empty
   */
  public UnknownSourceException(String requested, List<String> known, String detail) {
    super(
        null,
        "Unknown source '"
            + requested
            + "'; known sources: "
            + (known.isEmpty()
                ? "none (is a paperdigest-source-* artifact on the class path?)"
                : String.join(", ", known))
            + (detail.isEmpty() ? "" : ". " + detail),
        null);
    this.requested = requested;
    this.known = List.copyOf(known);
  }

  /** The id that was asked for. */
  public String requested() {
    return requested;
  }

  /** The ids of the sources that are available. */
  public List<String> known() {
    return known;
  }
}

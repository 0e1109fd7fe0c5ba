package io.github.paperdigest.spi;

/**
 * The service the core discovers with {@link java.util.ServiceLoader}: a factory of one kind of
 * {@link PaperSource}. Declare an implementation twice, so that it is found on the class path and
 * on the module path:
 *
 * <pre>{@code
 * // module-info.java
 * provides io.github.paperdigest.spi.PaperSourceProvider with com.example.MySourceProvider;
 * // src/main/resources/META-INF/services/io.github.paperdigest.spi.PaperSourceProvider
 * com.example.MySourceProvider
 * }</pre>
 *
 * <p>Implementations have a public no-argument constructor that does no I/O; the source itself is
 * made later, once per client, by {@link #create(SourceContext)}.
 */
public interface PaperSourceProvider {

  /** The source id users query by, e.g. {@code arxiv}: lower-case letters, digits and dashes. */
  String id();

  /** A one-line description, e.g. "arXiv search, id lookup and daily announcements". */
  String description();

  /**
   * The politeness the publisher asks for, before explicit settings ({@code min-interval}, {@code
   * max-concurrent}, {@code max-retries}) or the client builder override it.
   */
  default PolitenessPolicy politeness() {
    return PolitenessPolicy.DEFAULT;
  }

  /**
   * Reads the publisher's own message from its error responses, for every {@link
   * SourceContext#fetch fetch} of this source. By default {@link ErrorDecoder#PLAIN_TEXT}.
   */
  default ErrorDecoder errorDecoder() {
    return ErrorDecoder.PLAIN_TEXT;
  }

  /**
   * Creates the source. Called at most once per client, when the source is first used.
   *
   * @throws io.github.paperdigest.model.SourceConfigurationException if its settings cannot be used
   */
  PaperSource create(SourceContext context);
}

package io.github.paperdigest.model;

import org.jspecify.annotations.Nullable;

/**
 * Thrown for a setup that cannot work: two providers with one id, a provider that fails to create
 * its source, or a configuration value that cannot be read (the message names the property).
 */
public class SourceConfigurationException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param sourceId the source concerned, or null
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure, or null
   */
  public SourceConfigurationException(
      @Nullable String sourceId, String message, @Nullable Throwable cause) {
    super(sourceId, message, cause);
  }
}

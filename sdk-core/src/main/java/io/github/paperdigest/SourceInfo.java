package io.github.paperdigest;

import io.github.paperdigest.model.SourceCapabilities;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A source a client knows, as listed by {@link PaperDigest#sources()}. Immutable and value-based.
 *
 * @param id the id to query it by, e.g. {@code arxiv}
 * @param description the provider's one-line description
 * @param providerClass the provider's class name, to tell where the source comes from
 * @param capabilities what it evaluates natively and serves (nothing, when it has a problem)
 * @param problem why the source could not be created, or null when it works
 */
public record SourceInfo(
    String id,
    String description,
    String providerClass,
    SourceCapabilities capabilities,
    @Nullable String problem) {

  /** A source that works. */
  public SourceInfo(
      String id, String description, String providerClass, SourceCapabilities capabilities) {
    this(id, description, providerClass, capabilities, null);
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if one is null
   */
  public SourceInfo {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(providerClass, "providerClass == null");
    Objects.requireNonNull(capabilities, "capabilities == null");
  }
}

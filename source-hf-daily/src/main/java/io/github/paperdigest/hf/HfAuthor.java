package io.github.paperdigest.hf;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An author as Hugging Face lists them. Immutable and value-based.
 *
 * @param name the name on the paper
 * @param hidden whether Hugging Face hides this author on the paper page
 * @param user the Hugging Face user who claimed the authorship, or null
 */
public record HfAuthor(String name, boolean hidden, @Nullable String user) {

  /**
   * Checks the name.
   *
   * @throws NullPointerException if name is null
   */
  public HfAuthor {
    Objects.requireNonNull(name, "name == null");
  }
}

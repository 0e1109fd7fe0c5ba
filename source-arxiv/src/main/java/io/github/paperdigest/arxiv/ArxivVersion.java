package io.github.paperdigest.arxiv;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of a paper in arXiv's history ({@link Arxiv#VERSIONS}, from harvests in {@link
 * OaiFormat#ARXIV_RAW}).
 *
 * @param version the number, 1 for {@code v1}
 * @param submitted when it was submitted
 * @param size its size as arXiv writes it (e.g. {@code 69kb}), or null
 */
public record ArxivVersion(int version, Instant submitted, @Nullable String size) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the version is below 1
   */
  public ArxivVersion {
    if (version < 1) {
      throw new IllegalArgumentException("version < 1: " + version);
    }
    Objects.requireNonNull(submitted, "submitted == null");
  }
}

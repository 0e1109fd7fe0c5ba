package io.github.paperdigest.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An author of a paper, as the publisher names them. Immutable and value-based.
 *
 * @param name the author's name, whitespace normalised, never blank
 * @param affiliations the affiliations the publisher lists, in order (often empty)
 */
public record Author(String name, List<String> affiliations) {

  /**
   * Normalises the name and the affiliations (whitespace, control characters) and copies them;
   * blank affiliations are dropped.
   *
   * @throws NullPointerException if an argument or an affiliation is null
   * @throws IllegalArgumentException if the name is blank
   */
  public Author {
    name = Text.normalize(Objects.requireNonNull(name, "name == null"));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Blank author name");
    }
    Objects.requireNonNull(affiliations, "affiliations == null");
    if (affiliations.isEmpty()) {
      affiliations = List.of();
    } else {
      List<String> kept = new ArrayList<>(affiliations.size());
      for (String a : affiliations) {
        String normal = Text.normalize(Objects.requireNonNull(a, "affiliation == null"));
        if (!normal.isEmpty()) {
          kept.add(normal);
        }
      }
      affiliations = List.copyOf(kept);
    }
  }

  /** An author without affiliations. */
  public static Author of(String name) {
    return new Author(name, List.of());
  }
}

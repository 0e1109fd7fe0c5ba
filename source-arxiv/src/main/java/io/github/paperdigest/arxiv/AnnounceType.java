package io.github.paperdigest.arxiv;

import java.util.Locale;

/** Why a paper appears in a day's announcement of a category. */
public enum AnnounceType {
  /** A new submission whose primary category is the one listed. */
  NEW("new"),
  /** A new submission cross-listed to the category from another. */
  CROSS("cross"),
  /** A new version of a paper whose primary category is the one listed. */
  REPLACE("replace"),
  /** A new version of a paper cross-listed to the category. */
  REPLACE_CROSS("replace-cross");

  private final String wireName;

  AnnounceType(String wireName) {
    this.wireName = wireName;
  }

  /** The name arXiv uses, e.g. {@code replace-cross}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The type named {@code name} as arXiv writes it ({@code replace-cross}) or as this enum does
   * ({@code REPLACE_CROSS}), in any case.
   *
   * @throws IllegalArgumentException naming the accepted values if there is none
   */
  public static AnnounceType parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (AnnounceType t : values()) {
      if (t.wireName.equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "Not an arXiv announce type: '"
            + name
            + "' (expected new, cross, replace or replace-cross)");
  }

  @Override
  public String toString() {
    return wireName;
  }
}

package io.github.paperdigest.arxiv;

/** The metadata formats arXiv's OAI-PMH interface serves, by their {@code metadataPrefix}. */
public enum OaiFormat {
  /**
   * {@code arXiv}: authors split into key names, fore names and affiliations, categories, licence,
   * DOI, journal reference, comments, creation and update dates.
   */
  ARXIV("arXiv"),
  /**
   * {@code arXivRaw}: as arXiv stores it, with the version history (each version's date and size)
   * and the submitter; authors as one string, split here.
   */
  ARXIV_RAW("arXivRaw"),
  /** {@code oai_dc}: Dublin Core, the least common denominator of OAI-PMH. */
  OAI_DC("oai_dc");

  private final String prefix;

  OaiFormat(String prefix) {
    this.prefix = prefix;
  }

  /** The {@code metadataPrefix}, e.g. {@code arXivRaw}. */
  public String prefix() {
    return prefix;
  }

  /**
   * The format whose prefix or name is {@code name}, any case ({@code arXivRaw}, {@code arxiv-raw},
   * {@code oai_dc}).
   *
   * @throws IllegalArgumentException if there is none
   */
  public static OaiFormat parse(String name) {
    String n = name.strip().replace("-", "").replace("_", "");
    for (OaiFormat f : values()) {
      if (f.prefix.replace("_", "").equalsIgnoreCase(n)
          || f.name().replace("_", "").equalsIgnoreCase(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown OAI-PMH metadata format '" + name + "' (arXiv, arXivRaw or oai_dc)");
  }
}

package io.github.paperdigest.render;

import java.util.Locale;

/** The formats papers are rendered in, each with its {@link #writer()}. */
public enum Format {
  /** A terminal table: number, id, upvotes or category, title; one line each, no control chars. */
  TABLE("text/plain", new TableWriter()),
  /** A JSON array of papers in {@link PaperJson}'s form. */
  JSON("application/json", new JsonWriters(true)),
  /** One {@link PaperJson} object per line. */
  JSONL("application/x-ndjson", new JsonWriters(false)),
  /** A numbered Markdown list: linked title, authors, upvotes, categories, the first sentences. */
  MARKDOWN("text/markdown", new MarkdownWriter()),
  /** An Atom 1.0 feed (RFC 4287) for feed readers. */
  ATOM("application/atom+xml", new AtomWriter()),
  /** BibTeX {@code @misc} entries with arXiv's eprint fields, for LaTeX and reference managers. */
  BIBTEX("application/x-bibtex", new BibtexWriter()),
  /** CSL-JSON items for Zotero, Pandoc and other CSL processors. */
  CSL_JSON("application/vnd.citationstyles.csl+json", new CslJsonWriter()),
  /** A self-contained HTML e-mail body with inline CSS, laid out like a daily-papers page. */
  HTML("text/html", new HtmlWriter()),
  /** Plain text, as the text part of an e-mail. */
  TEXT("text/plain", new TextWriter());

  private final String mediaType;

  @SuppressWarnings("ImmutableEnumChecker") // every writer here is stateless
  private final PaperWriter writer;

  Format(String mediaType, PaperWriter writer) {
    this.mediaType = mediaType;
    this.writer = writer;
  }

  /** The writer of this format. */
  public PaperWriter writer() {
    return writer;
  }

  /** The format's media type, e.g. {@code application/atom+xml}. */
  public String mediaType() {
    return mediaType;
  }

  /** The name the CLI uses: lower case with {@code -}, e.g. {@code csl-json}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The format named {@code name} (its {@link #cliName()} or constant name, any case).
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Format parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Format f : values()) {
      if (f.name().equals(n)) {
        return f;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Format f : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(f.cliName());
    }
    throw new IllegalArgumentException("Unknown format '" + name + "' (one of " + names + ")");
  }
}

package io.github.paperdigest.examples.cli;

/** How the CLI prints papers. */
enum Format {
  /** Aligned columns for reading in a terminal. */
  TABLE,
  /** One JSON array of papers. */
  JSON,
  /** One JSON paper per line. */
  JSONL,
  /** A readable digest to paste or email. */
  MARKDOWN
}

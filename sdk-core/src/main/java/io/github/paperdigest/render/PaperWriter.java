package io.github.paperdigest.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link Listing} in one format. Get one from {@link Format#writer()}; implementations are
 * stateless and thread-safe. What publishers wrote is escaped for the format, so that no text of
 * theirs becomes markup, a link, a field or a terminal control sequence.
 */
public interface PaperWriter {
  /**
   * Writes {@code listing} to {@code out} (not closed, not flushed).
   *
   * @throws IOException if writing fails
   */
  void write(Listing listing, Writer out) throws IOException;
}

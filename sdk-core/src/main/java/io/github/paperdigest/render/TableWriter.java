package io.github.paperdigest.render;

import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;

/** {@link Format#TABLE}. */
final class TableWriter implements PaperWriter {
  private static final int TITLE_WIDTH = 90;

  @Override
  public void write(Listing listing, Writer out) throws IOException {
    if (!listing.title().isEmpty()) {
      out.write(Escape.plain(listing.title()) + "\n\n");
    }
    boolean upvotes = false;
    for (Paper p : listing.papers()) {
      upvotes |= p.metrics().upvotes() != null;
    }
    out.write(
        String.format(
            "%4s  %-24s %-8s %s%n", "#", "id", upvotes ? "upvotes" : "category", "title"));
    int i = 1;
    for (Paper p : listing.papers()) {
      Integer votes = p.metrics().upvotes();
      String category = p.primaryCategory();
      String score =
          upvotes ? (votes == null ? "" : votes.toString()) : category == null ? "" : category;
      out.write(
          String.format(
              "%4d  %-24s %-8s %s%n",
              i++,
              Escape.plain(p.versionedId().toString()),
              Escape.plain(score),
              Escape.plain(Texts.cut(p.title(), TITLE_WIDTH))));
    }
  }
}

package io.github.paperdigest.render;

import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;

/** {@link Format#MARKDOWN}: Markdown and HTML in publishers' text are escaped. */
final class MarkdownWriter implements PaperWriter {
  @Override
  public void write(Listing listing, Writer out) throws IOException {
    if (!listing.title().isEmpty()) {
      out.write("# " + Escape.markdown(listing.title()) + "\n\n");
    }
    int i = 1;
    for (Paper p : listing.papers()) {
      String link = Texts.markdownLink(Texts.mainLink(p));
      String title =
          link == null
              ? "**" + Escape.markdown(p.title()) + "**"
              : "**[" + Escape.markdown(p.title()) + "](" + link + ")**";
      StringBuilder line = new StringBuilder().append(i++).append(". ").append(title);
      if (!p.authors().isEmpty()) {
        line.append(" — ").append(Escape.markdown(Texts.shortAuthors(p.authors())));
      }
      if (p.metrics().upvotes() != null) {
        line.append(" · ▲ ").append(p.metrics().upvotes());
      }
      if (!p.categories().isEmpty()) {
        line.append(" · ").append(Escape.markdown(String.join(", ", p.categories())));
      }
      out.write(line + "\n");
      String summary = Texts.firstSentences(p.abstractText(), 2);
      if (!summary.isEmpty()) {
        out.write("   " + Escape.markdown(summary) + "\n");
      }
      out.write("\n");
    }
  }
}

package io.github.paperdigest.render;

import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.LocalDate;

/**
 * {@link Format#TEXT}: plain text for the text part of an e-mail: the title, then per paper its
 * number and title, authors, date and upvotes, the first sentences of its abstract and its link. No
 * control character of a publisher's text is written.
 */
final class TextWriter implements PaperWriter {
  @Override
  public void write(Listing listing, Writer out) throws IOException {
    StringBuilder t = new StringBuilder();
    String title = listing.title().isEmpty() ? "Papers" : Escape.plain(listing.title());
    int n = listing.papers().size();
    t.append(title).append(" (").append(n).append(n == 1 ? " paper" : " papers").append(")\n");
    t.append("=".repeat(Math.min(72, title.length()))).append("\n");
    int i = 1;
    for (Paper p : listing.papers()) {
      t.append("\n").append(i++).append(". ").append(Escape.plain(p.title())).append("\n");
      StringBuilder facts = new StringBuilder();
      if (!p.authors().isEmpty()) {
        facts.append(Escape.plain(Texts.shortAuthors(p.authors())));
        if (p.authors().size() > 3) {
          facts.append(" (").append(p.authors().size()).append(" authors)");
        }
      }
      LocalDate day = Texts.day(p.published());
      if (day != null) {
        facts.append(facts.length() == 0 ? "" : " · ").append(day);
      }
      if (p.metrics().upvotes() != null) {
        facts.append(facts.length() == 0 ? "" : " · ").append("▲ ").append(p.metrics().upvotes());
      }
      if (facts.length() > 0) {
        t.append("   ").append(facts).append("\n");
      }
      String excerpt = Escape.plain(Texts.firstSentences(p.abstractText(), 2));
      if (!excerpt.isEmpty()) {
        t.append("   ").append(excerpt).append("\n");
      }
      URI link = Texts.mainLink(p);
      if (link != null) {
        t.append("   ").append(link.toASCIIString()).append("\n");
      }
    }
    out.write(t.toString());
  }
}

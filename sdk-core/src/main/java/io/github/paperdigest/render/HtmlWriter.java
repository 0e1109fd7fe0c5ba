package io.github.paperdigest.render;

import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@link Format#HTML}: one self-contained HTML document for an e-mail body, laid out like a
 * daily-papers page: per paper its linked title, the first sentences of its abstract, "N authors",
 * the date, upvotes, and links to the abstract, PDF, code and discussion. Styles are inline (mail
 * clients drop style sheets), there is no script and no remote image. Publishers' text is
 * HTML-escaped and only http(s) links are written, attribute-escaped.
 */
final class HtmlWriter implements PaperWriter {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
  private static final String FONT =
      "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;";

  @Override
  public void write(Listing listing, Writer out) throws IOException {
    String title = listing.title().isEmpty() ? "Papers" : listing.title();
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Escape.html(title))
        .append("</title>\n</head>\n")
        .append("<body style=\"margin:0;padding:0;background:#f9fafb;")
        .append(FONT)
        .append("\">\n")
        .append("<div style=\"max-width:680px;margin:0 auto;padding:24px 16px;\">\n")
        .append("<h1 style=\"font-size:22px;color:#111827;margin:0 0 4px 0;\">")
        .append(Escape.html(title))
        .append("</h1>\n")
        .append("<p style=\"font-size:13px;color:#6b7280;margin:0 0 20px 0;\">")
        .append(listing.papers().size())
        .append(listing.papers().size() == 1 ? " paper" : " papers")
        .append("</p>\n");
    for (Paper p : listing.papers()) {
      paper(h, p);
    }
    h.append(
            "<p style=\"font-size:12px;color:#9ca3af;margin:24px 0 0 0;\">Sent by PaperDigest.</p>\n")
        .append("</div>\n</body>\n</html>\n");
    out.write(h.toString());
  }

  private static void paper(StringBuilder h, Paper p) {
    h.append("<div class=\"paper\" style=\"background:#ffffff;border:1px solid #e5e7eb;")
        .append("border-radius:8px;padding:16px;margin:0 0 12px 0;\">\n")
        .append("<h2 style=\"font-size:17px;line-height:1.35;margin:0 0 8px 0;\">");
    URI main = Texts.mainLink(p);
    if (main != null) {
      h.append("<a href=\"")
          .append(Escape.html(main.toASCIIString()))
          .append("\" style=\"color:#111827;text-decoration:none;\">")
          .append(Escape.html(p.title()))
          .append("</a>");
    } else {
      h.append(Escape.html(p.title()));
    }
    h.append("</h2>\n");
    String excerpt = Texts.firstSentences(p.abstractText(), 3);
    if (!excerpt.isEmpty()) {
      h.append("<p style=\"font-size:14px;line-height:1.5;color:#4b5563;margin:0 0 8px 0;\">")
          .append(Escape.html(excerpt))
          .append("</p>\n");
    }
    List<String> facts = new ArrayList<>();
    if (!p.authors().isEmpty()) {
      facts.add(p.authors().size() + (p.authors().size() == 1 ? " author" : " authors"));
    }
    LocalDate day = Texts.day(p.published());
    if (day != null) {
      facts.add(DAY.format(day));
    }
    if (p.metrics().upvotes() != null) {
      facts.add("&#9650; " + p.metrics().upvotes());
    }
    Links l = p.links();
    link(facts, "Abstract", l.abstractPage());
    link(facts, "PDF", l.pdf());
    link(facts, "Code", l.code());
    link(facts, "Project", l.project());
    link(facts, "Discussion", l.discussion());
    if (!facts.isEmpty()) {
      h.append("<p style=\"font-size:13px;color:#6b7280;margin:0;\">")
          .append(String.join(" &middot; ", facts))
          .append("</p>\n");
    }
    h.append("</div>\n");
  }

  private static void link(List<String> facts, String label, @Nullable URI uri) {
    if (uri != null) { // Links keeps http(s) URLs only
      facts.add(
          "<a href=\""
              + Escape.html(uri.toASCIIString())
              + "\" style=\"color:#2563eb;\">"
              + label
              + "</a>");
    }
  }
}

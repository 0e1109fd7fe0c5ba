package io.github.paperdigest.render;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Paper;
import java.net.URI;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Escaping and shortening of publishers' text, one function per target syntax. */
final class Texts {
  private Texts() {}

  /**
   * A paper's link (http or https: {@code Links} keeps no other) as a Markdown link destination,
   * the characters that would end it percent-encoded; null for none.
   */
  static @Nullable String markdownLink(@Nullable URI uri) {
    if (uri == null) { // Links keeps http(s) URLs only
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (char c : uri.toASCIIString().toCharArray()) {
      switch (c) {
        case '(' -> out.append("%28");
        case ')' -> out.append("%29");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case ' ' -> out.append("%20");
        case '"' -> out.append("%22");
        case '\\' -> out.append("%5C");
        default -> {
          if (c > 0x20 && c < 0x7f) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The first {@code n} sentences of {@code text}, at most about 600 characters. */
  static String firstSentences(String text, int n) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    sentences.setText(text);
    int end = 0;
    for (int i = 0; i < n; i++) {
      int next = sentences.next();
      if (next == BreakIterator.DONE) {
        break;
      }
      end = next;
    }
    String s = text.substring(0, end).strip();
    return s.length() > 600 ? cut(s, 600) : s;
  }

  /** {@code s} cut to {@code width} characters with an ellipsis. */
  static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  /** Up to three names, then "et al.". */
  static String shortAuthors(List<Author> authors) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Math.min(3, authors.size()); i++) {
      names.append(i == 0 ? "" : ", ").append(authors.get(i).name());
    }
    return authors.size() > 3 ? names + " et al." : names.toString();
  }

  /** The page to link a paper's title to: its abstract page, else its discussion, else its PDF. */
  static @Nullable URI mainLink(Paper p) {
    if (p.links().abstractPage() != null) {
      return p.links().abstractPage();
    }
    return p.links().discussion() != null ? p.links().discussion() : p.links().pdf();
  }

  /** The UTC day of {@code instant}, or null. */
  static @Nullable LocalDate day(@Nullable Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}

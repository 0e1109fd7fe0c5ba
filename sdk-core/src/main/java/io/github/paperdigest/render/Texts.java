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
   * {@code s} on one line without any control character: C0 and C1 controls (the escape that starts
   * a terminal sequence among them) and bidirectional overrides are dropped, tabs and line breaks
   * become spaces.
   */
  static String plain(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (c >= 0x20
          && (c < 0x7f || c > 0x9f)
          && !(c >= '\u202a' && c <= '\u202e')
          && !(c >= '\u2066' && c <= '\u2069')
          && c != '\u200e'
          && c != '\u200f'
          && c != '\u061c') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code s} as Markdown text that renders as itself: the characters that make emphasis, code,
   * links, tables or escapes anywhere in a line are backslash-escaped, so is a first character that
   * would make a heading, list or quote, and {@code <}, {@code >}, {@code &} become HTML entities,
   * so that no link, markup or HTML tag can come from a publisher's text.
   */
  static String markdown(String s) {
    String text = plain(s).strip();
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
        default -> {
          boolean lineStart = i == 0 && "#+-=!".indexOf(c) >= 0;
          boolean numbered = i > 0 && i == digits && (c == '.' || c == ')'); // "1." starts a list
          if (lineStart || numbered) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /**
   * An http(s) link as a Markdown link destination (characters that would end it percent-encoded),
   * or null for any other link.
   */
  static @Nullable String markdownLink(@Nullable URI uri) {
    if (uri == null || !isWeb(uri)) {
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

  /** Whether {@code uri} is an absolute http(s) URL (what {@code Links} keeps). */
  @SuppressWarnings("NullAway") // checked here
  static boolean isWeb(@Nullable URI uri) {
    return uri != null
        && uri.getScheme() != null
        && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
  }

  /**
   * {@code s} as HTML text or attribute value (double-quoted): {@code & < > " '} become entities
   * and control characters are dropped.
   */
  static String html(String s) {
    String text = xml(s);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code s} with only the characters XML 1.0 allows (tab, line feed, carriage return, and the
   * Unicode characters from U+0020 but surrogates, U+FFFE and U+FFFF), unpaired surrogates dropped.
   */
  static String xml(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c < 0xd800)
              || (c > 0xdfff && c < 0xfffe);
      if (!ok && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
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

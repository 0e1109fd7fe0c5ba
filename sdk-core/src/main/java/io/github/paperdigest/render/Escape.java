package io.github.paperdigest.render;

/**
 * Publishers' text made safe for one syntax each: a terminal line, Markdown, HTML, XML, LaTeX. The
 * writers of {@link Format} use these; so can a template of your own (a chat message, a page). Each
 * also drops what its syntax cannot hold: control characters everywhere, bidirectional overrides in
 * a terminal line and in Markdown.
 */
public final class Escape {
  private Escape() {}

  /**
   * {@code s} on one line without any control character: C0 and C1 controls (the escape that starts
   * a terminal sequence among them) and bidirectional overrides are dropped, tabs and line breaks
   * become spaces.
   */
  public static String plain(String s) {
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
  public static String markdown(String s) {
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
   * {@code s} as HTML text or attribute value (double-quoted): {@code & < > " '} become entities
   * and control characters are dropped.
   */
  public static String html(String s) {
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
  public static String xml(String s) {
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

  /**
   * {@code s} as LaTeX text: the ten special characters become commands or escapes (a backslashed
   * brace would unbalance BibTeX's brace counting, so braces become the commands textbraceleft and
   * textbraceright), control characters are dropped, lines joined.
   */
  public static String latex(String s) {
    String text = plain(xml(s));
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        case '^' -> out.append("\\textasciicircum{}");
        case '~' -> out.append("\\textasciitilde{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

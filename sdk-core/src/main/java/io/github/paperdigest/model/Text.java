package io.github.paperdigest.model;

/**
 * The text rules of the model, applied in the constructors of its values: publishers' text is
 * untrusted, so control characters that could rewrite a terminal or reorder what a reader sees
 * never get into a {@link Paper}.
 */
final class Text {
  private Text() {}

  /**
   * Whether {@code c} is removed from model text: C0 controls other than tab and line feed, DEL, C1
   * controls, and the bidirectional embeddings, overrides, isolates and marks.
   */
  static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }

  /**
   * {@code s} without {@linkplain #isControl control characters}; {@code s} itself if it has none.
   */
  static String clean(String s) {
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Collapses every run of whitespace (including line breaks and NBSP) to one space, strips, and
   * removes {@linkplain #isControl control characters}.
   */
  static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = out.length() > 0;
      } else if (!isControl(c)) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}

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
    int length = s.length();
    if (length == 0) {
      return s;
    }
    char[] text = new char[length]; // read and written in place: the output never outruns the input
    s.getChars(0, length, text, 0);
    int n = 0;
    boolean space = false;
    boolean modified = false;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (c > ' ' && c < 0x7f) { // printable ASCII, the bulk of any text: kept
        if (space) {
          text[n++] = ' ';
          space = false;
        }
        text[n++] = c;
        continue;
      }
      if (c == ' ') { // the other common case: one space between words
        modified |= space || n == 0;
        space = n > 0;
        continue;
      }
      int kind = kind(c);
      if (kind == SPACE) {
        modified |= c != ' ' || space || n == 0; // not a single space between two characters
        space = n > 0;
      } else if (kind == KEEP) {
        if (space) {
          text[n++] = ' ';
          space = false;
        }
        text[n++] = c;
      } else {
        modified = true; // a control character, dropped
      }
    }
    modified |= space; // trailing whitespace
    return modified ? new String(text, 0, n) : s; // normal text is returned itself
  }

  private static final byte KEEP = 0;
  private static final byte SPACE = 1;
  private static final byte DROP = 2;

  /** What {@link #normalize} does with each ASCII character. */
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = Character.isWhitespace(c) ? SPACE : isControl(c) ? DROP : KEEP;
    }
  }

  /** Whitespace (NBSP included) is a space, a control character is dropped, the rest kept. */
  private static int kind(char c) {
    if (c < 128) {
      return ASCII[c];
    }
    if (Character.isWhitespace(c) || c == '\u00a0') {
      return SPACE;
    }
    return isControl(c) ? DROP : KEEP;
  }
}

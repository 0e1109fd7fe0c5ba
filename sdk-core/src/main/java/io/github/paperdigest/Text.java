package io.github.paperdigest;

/** Whitespace normalisation shared by the model's constructors. */
final class Text {
  private Text() {}

  /** Collapses every run of whitespace (including line breaks and NBSP) to one space and strips. */
  static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = out.length() > 0;
      } else {
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

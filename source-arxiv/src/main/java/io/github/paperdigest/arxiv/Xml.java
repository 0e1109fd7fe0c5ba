package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.SourceParseException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * What every XML answer of arXiv goes through. jsoup's XML parser never reads a DTD, external
 * entity or entity declaration, so nothing outside the body is ever read and no entity is ever
 * expanded; on top of that a document that declares a DTD is refused, since no answer of arXiv has
 * one and the only reason to send one is an attack (XXE, "billion laughs").
 */
final class Xml {
  private Xml() {}

  static void refuseDoctype(Document doc, String url) {
    for (Node n : doc.childNodes()) {
      if (n instanceof DocumentType) {
        throw new SourceParseException(
            Arxiv.ID,
            url,
            "<!DOCTYPE>",
            "the document declares a DTD, which no arXiv answer has; refused unread (entities are never expanded)",
            null);
      }
      if (n instanceof Element) {
        return;
      }
    }
  }

  /** The element's name without its namespace prefix: {@code arxiv:comment} is {@code comment}. */
  static String localName(Element e) {
    String name = e.tagName();
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  /**
   * A reader that remembers the last characters read, to tell a complete document from a cut one.
   */
  static final class TailReader extends FilterReader {
    private final char[] tail = new char[64];
    private int length;

    TailReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        remember(buf, off, n);
      }
      return n;
    }

    private void remember(char[] buf, int off, int n) {
      if (n >= tail.length) {
        System.arraycopy(buf, off + n - tail.length, tail, 0, tail.length);
        length = tail.length;
        return;
      }
      int keep = Math.min(length, tail.length - n);
      System.arraycopy(tail, length - keep, tail, 0, keep);
      System.arraycopy(buf, off, tail, keep, n);
      length = keep + n;
    }

    /** Whether the text read so far ends with {@code endTag}, trailing whitespace aside. */
    boolean endsWith(String endTag) {
      return new String(tail, 0, length).strip().endsWith(endTag);
    }
  }
}

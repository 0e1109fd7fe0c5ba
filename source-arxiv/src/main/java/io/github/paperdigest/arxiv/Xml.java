package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.SourceParseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * What every XML answer of arXiv (Atom, RSS, and the OAI-PMH of bulk harvests) goes through: the
 * JDK's streaming StAX reader, configured so that nothing outside the body is ever read and no
 * entity is ever expanded (no DTD support, no external entities, no external DTD or schema access),
 * and a document that declares a DTD is refused at its {@code <!DOCTYPE>}, since no answer of arXiv
 * has one and the only reason to send one is an attack (XXE, "billion laughs"). Documents are read
 * event by event, so memory follows what the caller keeps, not the size of the document.
 */
final class Xml {
  private Xml() {}

  /**
   * One factory per thread: configured once, and the JDK does not promise that one factory may
   * create readers on several threads at once.
   */
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(
          () -> {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setProperty(XMLInputFactory.IS_COALESCING, true);
            // names as written, prefix included ({@link Document#localName} drops it): arXiv's
            // answers are read by local name, and an undeclared prefix is no reason to refuse one
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
            return f;
          });

  /** A streaming reader of {@code body}, and whether the body was read to its end. */
  static final class Document implements AutoCloseable {
    private final XMLStreamReader reader;
    private final EofStream in;
    private final String url;

    private Document(XMLStreamReader reader, EofStream in, String url) {
      this.reader = reader;
      this.in = in;
      this.url = url;
    }

    /** The underlying reader, for the attributes of the element just started. */
    XMLStreamReader reader() {
      return reader;
    }

    /**
     * Moves to the start tag of the root element and returns its name without prefix; null for a
     * document without one.
     */
    @Nullable String root() {
      int event;
      while ((event = next()) != XMLStreamConstants.START_ELEMENT) {
        if (event == XMLStreamConstants.END_DOCUMENT) {
          return null;
        }
      }
      return localName();
    }

    /**
     * Reads past the end of the root element to the end of the document, so that anything but
     * comments and whitespace after it is noticed as malformed.
     */
    void end() {
      while (next() != XMLStreamConstants.END_DOCUMENT) {
        // comments, processing instructions, whitespace
      }
    }

    /**
     * The next event, refusing a DTD.
     *
     * @throws SourceParseException for a DTD, or malformed or truncated XML
     */
    int next() {
      try {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new SourceParseException(
              Arxiv.ID,
              url,
              "<!DOCTYPE>",
              "the document declares a DTD, which no arXiv answer has; refused unread (entities"
                  + " are never expanded)",
              null);
        }
        return event;
      } catch (XMLStreamException e) {
        throw broken(e);
      }
    }

    /**
     * Moves to the next child of the element the reader is in: true on the child's start tag, false
     * on the element's own end tag.
     *
     * @throws SourceParseException if the document ends first (it was cut short)
     */
    boolean nextChild() {
      int event;
      while ((event = next()) != XMLStreamConstants.END_ELEMENT) {
        if (event == XMLStreamConstants.START_ELEMENT) {
          return true;
        }
        if (event == XMLStreamConstants.END_DOCUMENT) {
          throw cutShort();
        }
      }
      return false;
    }

    /**
     * The text of the element just started, its descendants' included, with whitespace collapsed
     * and trimmed as jsoup's {@code text()} does; the reader ends on the element's end tag.
     */
    String text() {
      return collapse(rawText());
    }

    /**
     * The text of the element just started, its descendants' included, as written (for text the
     * model normalises anyway: titles, abstracts, names); the reader ends on the end tag.
     */
    String rawText() {
      int event = next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return "";
      }
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        String first = reader.getText(); // coalesced: all the text of a text-only element
        event = next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          return first;
        }
        StringBuilder text = new StringBuilder(first);
        return rest(text, event);
      }
      return rest(new StringBuilder(), event);
    }

    private String rest(StringBuilder text, int first) {
      int depth = 1;
      int event = first;
      while (true) {
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> depth++;
          case XMLStreamConstants.END_ELEMENT -> depth--;
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              text.append(reader.getText());
          case XMLStreamConstants.END_DOCUMENT -> throw cutShort();
          default -> {}
        }
        if (depth == 0) {
          return text.toString();
        }
        event = next();
      }
    }

    /** Skips the element just started, to its end tag. */
    void skip() {
      int depth = 1;
      while (depth > 0) {
        switch (next()) {
          case XMLStreamConstants.START_ELEMENT -> depth++;
          case XMLStreamConstants.END_ELEMENT -> depth--;
          case XMLStreamConstants.END_DOCUMENT -> throw cutShort();
          default -> {}
        }
      }
    }

    /**
     * The name of the element just started without its prefix: {@code arxiv:comment} is {@code
     * comment}.
     */
    String localName() {
      String name = reader.getLocalName();
      int colon = name.indexOf(':');
      return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The name of the element just started as written: {@code arxiv:comment}. */
    String qualifiedName() {
      return reader.getLocalName();
    }

    /** The attribute {@code name} (without namespace) of the element just started, or "". */
    String attribute(String name) {
      String value = reader.getAttributeValue(null, name);
      return value == null ? "" : value;
    }

    /** A parse error for a document that ends before its root element does. */
    SourceParseException cutShort() {
      return cutShort(null);
    }

    private SourceParseException cutShort(@Nullable Throwable cause) {
      return new SourceParseException(
          Arxiv.ID,
          url,
          "document",
          "the document ends before its root element does: the response was cut short",
          cause);
    }

    /**
     * The failure of the body under the parser (a timeout, a reset, the size limit), which is not
     * the document's fault, or null if the document itself is at fault.
     */
    static @Nullable RuntimeException bodyFailure(XMLStreamException e) {
      Throwable t = e;
      for (int depth = 0; t != null && depth < 16; depth++, t = next(t)) { // a cause cycle ends
        if (t instanceof IOException io) {
          return new UncheckedIOException(io);
        }
        if (t instanceof RuntimeException r) {
          return r;
        }
      }
      return null;
    }

    private RuntimeException broken(XMLStreamException e) {
      RuntimeException body = bodyFailure(e);
      if (body != null) {
        return body;
      }
      if (in.eof) {
        return cutShort(e);
      }
      String where =
          e.getLocation() == null
              ? "document"
              : "line " + e.getLocation().getLineNumber() + ":" + e.getLocation().getColumnNumber();
      String message = String.valueOf(e.getMessage());
      int cut = message.indexOf("Message: ");
      return new SourceParseException(
          Arxiv.ID,
          url,
          where,
          "malformed XML: " + (cut >= 0 ? message.substring(cut + 9) : message),
          e);
    }

    private static @Nullable Throwable next(Throwable t) {
      if (t instanceof XMLStreamException x && x.getNestedException() != null) {
        return x.getNestedException() == t ? null : x.getNestedException();
      }
      return t.getCause() == t ? null : t.getCause();
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing held but the stream, which the caller closes
      }
    }
  }

  /**
   * Opens {@code body} for reading.
   *
   * @throws SourceParseException if the start of the document is not XML
   */
  static Document open(InputStream body, String url) {
    EofStream in = new EofStream(body);
    try {
      return new Document(FACTORY.get().createXMLStreamReader(in), in, url);
    } catch (XMLStreamException e) {
      RuntimeException failed = Document.bodyFailure(e);
      if (failed != null) {
        throw failed;
      }
      throw new SourceParseException(Arxiv.ID, url, "document", "not XML: " + e.getMessage(), e);
    }
  }

  /**
   * Text as jsoup's {@code text()} gives it: every run of whitespace (space, tab, line breaks, form
   * feed, no-break space) one space, and none at either end.
   */
  static String collapse(String s) {
    int length = s.length();
    boolean normal = length == 0 || (!isSpace(s.charAt(0)) && !isSpace(s.charAt(length - 1)));
    for (int i = 0; normal && i < length; i++) {
      char c = s.charAt(i);
      normal = c != ' ' ? !isSpace(c) : i + 1 < length && s.charAt(i + 1) != ' ';
    }
    if (normal) {
      return s;
    }
    char[] out = new char[length];
    int n = 0;
    boolean space = false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        space = n > 0;
      } else {
        if (space) {
          out[n++] = ' ';
          space = false;
        }
        out[n++] = c;
      }
    }
    return new String(out, 0, n);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0';
  }

  /** Remembers whether the stream under the parser was read to its end. */
  private static final class EofStream extends FilterInputStream {
    boolean eof;

    EofStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      eof |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      eof |= n < 0;
      return n;
    }
  }
}

package io.github.paperdigest.render;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * {@link Format#ATOM}: an Atom 1.0 feed (RFC 4287). The feed has its id ({@link Listing#feedId()}),
 * title, updated and an author (PaperDigest, so that entries without authors stay valid); each
 * entry its id (the abstract page, else a {@code urn:paperdigest:} URN of the paper id), title,
 * updated (the paper's, else its publication, else the listing's), published, authors, links
 * (alternate: the abstract page; related: PDF, code, project, discussion; DOI), categories and the
 * abstract as a text summary. Text is XML-escaped by the JDK's writer, with characters XML cannot
 * hold removed first.
 */
final class AtomWriter implements PaperWriter {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  @Override
  public void write(Listing listing, Writer out) throws IOException {
    try {
      XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.setDefaultNamespace(ATOM);
      x.writeStartElement(ATOM, "feed");
      x.writeDefaultNamespace(ATOM);
      text(x, "id", listing.feedId().toString());
      text(x, "title", listing.title().isEmpty() ? "Papers" : listing.title());
      text(x, "updated", time(listing.updated()));
      x.writeStartElement(ATOM, "author");
      text(x, "name", "PaperDigest");
      x.writeEndElement();
      text(x, "generator", "PaperDigest");
      for (Paper p : listing.papers()) {
        x.writeCharacters("\n");
        entry(x, p, listing.updated());
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.writeCharacters("\n");
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the Atom feed: " + e.getMessage(), e);
    }
  }

  private static void entry(XMLStreamWriter x, Paper p, Instant fallback)
      throws XMLStreamException {
    x.writeStartElement(ATOM, "entry");
    Links l = p.links();
    text(x, "id", l.abstractPage() != null ? l.abstractPage().toASCIIString() : urn(p.id()));
    text(x, "title", p.title());
    Instant updated = p.updated() != null ? p.updated() : p.published();
    text(x, "updated", time(updated != null ? updated : fallback));
    if (p.published() != null) {
      text(x, "published", time(p.published()));
    }
    for (Author a : p.authors()) {
      x.writeStartElement(ATOM, "author");
      text(x, "name", a.name());
      x.writeEndElement();
    }
    link(x, "alternate", l.abstractPage(), "text/html", null);
    link(x, "related", l.pdf(), "application/pdf", "pdf");
    link(x, "related", l.doi(), null, "doi");
    link(x, "related", l.code(), null, "code");
    link(x, "related", l.project(), null, "project");
    link(x, "related", l.discussion(), null, "discussion");
    for (String c : p.categories()) {
      x.writeEmptyElement(ATOM, "category");
      x.writeAttribute("term", Escape.xml(c));
    }
    if (!p.abstractText().isEmpty()) {
      x.writeStartElement(ATOM, "summary");
      x.writeAttribute("type", "text");
      x.writeCharacters(Escape.xml(p.abstractText()));
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(ATOM, name);
    x.writeCharacters(Escape.xml(value));
    x.writeEndElement();
  }

  private static void link(
      XMLStreamWriter x,
      String rel,
      @Nullable URI href,
      @Nullable String type,
      @Nullable String title)
      throws XMLStreamException {
    if (href == null) { // Links keeps http(s) URLs only
      return;
    }
    x.writeEmptyElement(ATOM, "link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href.toASCIIString());
    if (type != null) {
      x.writeAttribute("type", type);
    }
    if (title != null) {
      x.writeAttribute("title", title);
    }
  }

  /** An id for a paper without a web page: {@code urn:paperdigest:<namespace>:<value>}. */
  static String urn(PaperId id) {
    return "urn:paperdigest:"
        + id.namespace()
        + ":"
        + URLEncoder.encode(id.value(), StandardCharsets.UTF_8);
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}

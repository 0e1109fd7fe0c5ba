package io.github.paperdigest.render;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.LocalDate;
import okio.Buffer;

/**
 * {@link Format#CSL_JSON}: an array of CSL-JSON items (the Citation Style Language's input, read by
 * Zotero, Pandoc and citeproc). Each item has {@code id} (the paper id, e.g. {@code
 * arxiv:2510.02283}), {@code type} {@code article} (CSL's type for preprints), {@code title},
 * {@code author} (each name {@code literal}: publishers do not say which part is the family name),
 * {@code issued} as {@code date-parts}, {@code abstract}, {@code URL}, {@code DOI}, and for arXiv
 * papers {@code publisher} arXiv and {@code number} the arXiv id; {@code container-title} is the
 * journal reference and {@code note} the comment. JSON escaping is Moshi's.
 */
final class CslJsonWriter implements PaperWriter {
  @Override
  public void write(Listing listing, Writer out) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setIndent("  ");
      w.beginArray();
      for (Paper p : listing.papers()) {
        item(w, p);
      }
      w.endArray();
    }
    out.write(buffer.readUtf8() + "\n");
  }

  private static void item(JsonWriter w, Paper p) throws IOException {
    w.beginObject();
    w.name("id").value(p.id().toString());
    w.name("type").value("article");
    w.name("title").value(p.title());
    if (!p.authors().isEmpty()) {
      w.name("author").beginArray();
      for (Author a : p.authors()) {
        w.beginObject().name("literal").value(a.name()).endObject();
      }
      w.endArray();
    }
    LocalDate day = Texts.day(p.published());
    if (day != null) {
      w.name("issued").beginObject().name("date-parts").beginArray().beginArray();
      w.value(day.getYear()).value(day.getMonthValue()).value(day.getDayOfMonth());
      w.endArray().endArray().endObject();
    }
    if (!p.abstractText().isEmpty()) {
      w.name("abstract").value(p.abstractText());
    }
    URI url = Texts.mainLink(p);
    if (url != null) {
      w.name("URL").value(url.toASCIIString());
    }
    if (p.doi() != null) {
      w.name("DOI").value(p.doi());
    }
    if (p.id().isArxiv()) {
      w.name("publisher").value("arXiv");
      w.name("number").value(p.versionedId().versionedValue());
    }
    if (p.journalRef() != null) {
      w.name("container-title").value(p.journalRef());
    }
    if (p.comment() != null) {
      w.name("note").value(p.comment());
    }
    w.endObject();
  }
}

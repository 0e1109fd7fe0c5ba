package io.github.paperdigest.render;

import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link Format#BIBTEX}: one {@code @misc} entry per paper, keyed by namespace and id without
 * punctuation other than {@code .}, {@code -}, {@code :} (e.g. {@code arxiv2510.02283}; a repeat
 * gets {@code a}, {@code b}, … appended). Fields: {@code title}, {@code author} (joined by {@code
 * and}; a name holding a comma or the word "and" is braced whole), {@code year}, {@code month},
 * {@code eprint}, {@code archivePrefix} and {@code primaryClass} for arXiv papers, {@code doi},
 * {@code url} (eprint, doi and url verbatim, as biblatex reads them, without braces or
 * backslashes), {@code note} (arXiv's comment), {@code journal} (its journal reference) and {@code
 * abstract}. Every value is brace-delimited with LaTeX's special characters escaped, so that a
 * publisher's text can neither end a field nor run a LaTeX command.
 */
final class BibtexWriter implements PaperWriter {
  private static final Pattern AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  @Override
  public void write(Listing listing, Writer out) throws IOException {
    Map<String, Integer> keys = new HashMap<>();
    boolean first = true;
    for (Paper p : listing.papers()) {
      if (!first) {
        out.write("\n");
      }
      first = false;
      StringBuilder e = new StringBuilder();
      e.append("@misc{").append(key(p, keys)).append(",\n");
      field(e, "title", Escape.latex(p.title()));
      if (!p.authors().isEmpty()) {
        StringBuilder names = new StringBuilder();
        for (Author a : p.authors()) {
          String name = Escape.latex(a.name());
          boolean protect = name.indexOf(',') >= 0 || AND.matcher(name).find();
          names.append(names.length() == 0 ? "" : " and ");
          names.append(protect ? "{" + name + "}" : name);
        }
        field(e, "author", names.toString());
      }
      LocalDate day = Texts.day(p.published());
      if (day != null) {
        field(e, "year", Integer.toString(day.getYear()));
        e.append("  month = ").append(MONTHS[day.getMonthValue() - 1]).append(",\n");
      }
      if (p.id().isArxiv()) {
        field(e, "eprint", verbatim(p.id().value()));
        field(e, "archivePrefix", "arXiv");
        if (p.primaryCategory() != null) {
          field(e, "primaryClass", Escape.latex(p.primaryCategory()));
        }
      }
      if (p.doi() != null) {
        field(e, "doi", verbatim(p.doi()));
      }
      URI url = Texts.mainLink(p);
      if (url != null) {
        field(e, "url", verbatim(url.toASCIIString()));
      }
      if (p.journalRef() != null) {
        field(e, "journal", Escape.latex(p.journalRef()));
      }
      if (p.comment() != null) {
        field(e, "note", Escape.latex(p.comment()));
      }
      if (!p.abstractText().isEmpty()) {
        field(e, "abstract", Escape.latex(p.abstractText()));
      }
      e.setLength(e.length() - 2); // the last ",\n"
      e.append("\n}\n");
      out.write(e.toString());
    }
  }

  /** {@code arxiv2510.02283}: the namespace and the value, only key-safe characters kept. */
  static String key(Paper p, Map<String, Integer> used) {
    StringBuilder k = new StringBuilder(p.id().namespace());
    for (char c : p.id().value().toCharArray()) {
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == ':') {
        k.append(c);
      }
    }
    String base = k.toString();
    int n = used.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
    return n == 1 ? base : n <= 27 ? base + (char) ('a' + n - 2) : base + "-" + n;
  }

  private static void field(StringBuilder e, String name, String value) {
    e.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /**
   * {@code s} for a field biblatex reads verbatim ({@code url}, {@code doi}, {@code eprint}): as
   * is, but for braces and backslashes (which no URL, DOI or arXiv id needs) and control
   * characters.
   */
  static String verbatim(String s) {
    String text = Escape.plain(Escape.xml(s));
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '{' && c != '}' && c != '\\') {
        out.append(c);
      }
    }
    return out.toString();
  }
}

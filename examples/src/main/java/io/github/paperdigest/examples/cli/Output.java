package io.github.paperdigest.examples.cli;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.SourceInfo;
import io.github.paperdigest.render.PaperJson;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceCapabilities;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.text.BreakIterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Prints papers in one of the {@link Format}s. What publishers wrote is untrusted: the table and
 * the error lines never write a control character (no terminal escape sequence gets through), and
 * Markdown escapes Markdown and HTML in text and links only http(s) URLs.
 */
final class Output {
  private static final int TITLE_WIDTH = 90;

  private final PrintStream out;
  private final Format format;

  Output(PrintStream out, Format format) {
    this.out = out;
    this.format = format;
  }

  /** Prints {@code papers}, under {@code heading} where the format has headings. */
  void papers(@Nullable String heading, List<Paper> papers) throws IOException {
    switch (format) {
      case JSON -> {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
          writer.setIndent("  ");
          writer.beginArray();
          for (Paper p : papers) {
            PaperJson.write(writer, p);
          }
          writer.endArray();
        }
        out.println(buffer.readUtf8());
      }
      case JSONL -> {
        for (Paper p : papers) {
          Buffer buffer = new Buffer();
          try (JsonWriter writer = JsonWriter.of(buffer)) {
            PaperJson.write(writer, p);
          }
          out.println(buffer.readUtf8());
        }
      }
      case TABLE -> table(heading, papers);
      case MARKDOWN -> markdown(heading, papers);
    }
    out.flush();
  }

  /**
   * The sources, in {@link #format}. Every format shows the same fields under the same names (see
   * {@link #fields}); a source that could not be created shows its {@code problem}.
   */
  void sources(List<SourceInfo> sources) throws IOException {
    switch (format) {
      case JSON -> {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
          writer.setIndent("  ");
          writer.beginArray();
          for (SourceInfo s : sources) {
            json(writer, fields(s));
          }
          writer.endArray();
        }
        out.println(buffer.readUtf8());
      }
      case JSONL -> {
        for (SourceInfo s : sources) {
          Buffer buffer = new Buffer();
          try (JsonWriter writer = JsonWriter.of(buffer)) {
            json(writer, fields(s));
          }
          out.println(buffer.readUtf8());
        }
      }
      case TABLE -> {
        for (SourceInfo s : sources) {
          out.printf("%-10s %s%n", plain(s.id()), plain(s.description()));
          fields(s)
              .forEach(
                  (name, value) -> {
                    if (!name.equals("id") && !name.equals("description")) {
                      out.printf("%-10s   %s: %s%n", "", name, plain(text(value)));
                    }
                  });
        }
      }
      case MARKDOWN -> {
        out.println("# Sources");
        for (SourceInfo s : sources) {
          out.println();
          out.println("## " + markdown(s.id()));
          out.println();
          out.println(markdown(s.description()));
          out.println();
          fields(s)
              .forEach(
                  (name, value) -> {
                    if (!name.equals("id") && !name.equals("description")) {
                      out.println("- **" + name + "**: " + markdown(text(value)));
                    }
                  });
        }
      }
    }
    out.flush();
  }

  /** What every format shows of a source, by name, in order. */
  private static Map<String, Object> fields(SourceInfo s) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", s.id());
    f.put("description", s.description());
    f.put("provider", s.providerClass());
    String problem = s.problem();
    if (problem != null) {
      f.put("problem", problem);
      return f;
    }
    SourceCapabilities c = s.capabilities();
    f.put("criteria", names(c.criteria()));
    f.put("digestCriteria", names(c.digestCriteria()));
    f.put("sorts", names(c.sorts()));
    f.put("metrics", names(c.metrics()));
    f.put("digests", names(c.periods()));
    f.put("lookup", c.lookup());
    if (c.lookup()) {
      f.put("idNamespaces", List.copyOf(c.idNamespaces()));
      f.put("maxLookupBatch", c.maxLookupBatch());
    }
    f.put("options", List.copyOf(c.options()));
    return f;
  }

  private static List<String> names(java.util.Collection<?> values) {
    return values.stream().map(v -> v.toString().toLowerCase(Locale.ROOT)).toList();
  }

  private static String text(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty()
          ? "none"
          : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  private static void json(JsonWriter w, Map<String, Object> fields) throws IOException {
    w.beginObject();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      w.name(e.getKey());
      Object v = e.getValue();
      if (v instanceof List<?> list) {
        w.beginArray();
        for (Object o : list) {
          w.value(String.valueOf(o));
        }
        w.endArray();
      } else if (v instanceof Boolean b) {
        w.value(b);
      } else if (v instanceof Number n) {
        w.value(n);
      } else {
        w.value(String.valueOf(v));
      }
    }
    w.endObject();
  }

  private void table(@Nullable String heading, List<Paper> papers) {
    if (heading != null) {
      out.println(plain(heading));
      out.println();
    }
    boolean upvotes = papers.stream().anyMatch(p -> p.metrics().upvotes() != null);
    out.printf("%4s  %-24s %-8s %s%n", "#", "id", upvotes ? "upvotes" : "category", "title");
    int i = 1;
    for (Paper p : papers) {
      String score =
          upvotes
              ? String.valueOf(p.metrics().upvotes() == null ? "" : p.metrics().upvotes())
              : p.primaryCategory() == null ? "" : p.primaryCategory();
      out.printf(
          "%4d  %-24s %-8s %s%n",
          i++, plain(p.versionedId().toString()), plain(score), plain(cut(p.title(), TITLE_WIDTH)));
    }
  }

  private void markdown(@Nullable String heading, List<Paper> papers) {
    if (heading != null) {
      out.println("# " + markdown(heading));
      out.println();
    }
    int i = 1;
    for (Paper p : papers) {
      String link =
          markdownLink(
              p.links().abstractPage() != null
                  ? p.links().abstractPage()
                  : p.links().discussion() != null ? p.links().discussion() : p.links().pdf());
      String title =
          link == null
              ? "**" + markdown(p.title()) + "**"
              : "**[" + markdown(p.title()) + "](" + link + ")**";
      StringBuilder line = new StringBuilder().append(i++).append(". ").append(title);
      if (!p.authors().isEmpty()) {
        line.append(" — ").append(markdown(authors(p.authors())));
      }
      if (p.metrics().upvotes() != null) {
        line.append(" · ▲ ").append(p.metrics().upvotes());
      }
      if (!p.categories().isEmpty()) {
        line.append(" · ").append(markdown(String.join(", ", p.categories())));
      }
      out.println(line);
      String summary = firstSentences(p.abstractText(), 2);
      if (!summary.isEmpty()) {
        out.println("   " + markdown(summary));
      }
      out.println();
    }
  }

  private static String authors(List<Author> authors) {
    String names = authors.stream().limit(3).map(Author::name).collect(Collectors.joining(", "));
    return authors.size() > 3 ? names + " et al." : names;
  }

  /** The first {@code n} sentences of {@code text}. */
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
    if (uri == null
        || uri.getScheme() == null
        || !(uri.getScheme().equalsIgnoreCase("http")
            || uri.getScheme().equalsIgnoreCase("https"))) {
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

  static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}

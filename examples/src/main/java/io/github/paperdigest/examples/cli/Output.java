package io.github.paperdigest.examples.cli;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.SourceInfo;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.render.Escape;
import io.github.paperdigest.render.Format;
import io.github.paperdigest.render.Listing;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
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
  private final PrintStream out;
  private final Format format;

  Output(PrintStream out, Format format) {
    this.out = out;
    this.format = format;
  }

  /**
   * Prints {@code papers} with the format's writer, under {@code heading} where the format has
   * headings (or titles: a feed's, an e-mail's), as fetched at {@code updated}.
   */
  void papers(@Nullable String heading, List<Paper> papers, Instant updated) throws IOException {
    StringWriter text = new StringWriter();
    format.writer().write(new Listing(heading == null ? "" : heading, papers, updated, null), text);
    out.print(text);
    out.flush();
  }

  /**
   * The sources, in {@link #format}. Every format shows the same fields under the same names (see
   * {@link #fields}); a source that could not be created shows its {@code problem}.
   */
  void sources(List<SourceInfo> sources) throws IOException {
    switch (format) {
      case ATOM, BIBTEX, CSL_JSON, HTML, TEXT ->
          throw new IllegalArgumentException(
              "sources prints table, json, jsonl or markdown, not " + format.cliName());
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
          out.printf("%-10s %s%n", Escape.plain(s.id()), Escape.plain(s.description()));
          fields(s)
              .forEach(
                  (name, value) -> {
                    if (!name.equals("id") && !name.equals("description")) {
                      out.printf("%-10s   %s: %s%n", "", name, Escape.plain(text(value)));
                    }
                  });
        }
      }
      case MARKDOWN -> {
        out.println("# Sources");
        for (SourceInfo s : sources) {
          out.println();
          out.println("## " + Escape.markdown(s.id()));
          out.println();
          out.println(Escape.markdown(s.description()));
          out.println();
          fields(s)
              .forEach(
                  (name, value) -> {
                    if (!name.equals("id") && !name.equals("description")) {
                      out.println("- **" + name + "**: " + Escape.markdown(text(value)));
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
}

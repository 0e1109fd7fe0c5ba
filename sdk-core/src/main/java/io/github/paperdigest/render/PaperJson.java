package io.github.paperdigest.render;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.model.AttributeKey;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a {@link Paper} that {@link Format#JSON} and {@link Format#JSONL} write (the
 * CLI's {@code --format json|jsonl}) and the examples' {@code jsonl} example source reads back
 * (with its own reader: a plugin stands alone). Field names are stable: {@code id}, {@code
 * version}, {@code title}, {@code abstract}, {@code authors} ({@code name}, {@code affiliations}),
 * {@code published}, {@code updated}, {@code primaryCategory}, {@code categories}, {@code links},
 * {@code source}, then where known {@code upvotes}, {@code comments}, {@code githubStars}, {@code
 * comment}, {@code journalRef}, {@code doi}, and {@code attributes}.
 */
public final class PaperJson {
  private PaperJson() {}

  /** Writes {@code paper} as one JSON object. */
  public static void write(JsonWriter out, Paper paper) throws IOException {
    out.beginObject();
    out.name("id").value(paper.id().toString());
    if (paper.version() != null) {
      out.name("version").value(paper.version());
    }
    out.name("title").value(paper.title());
    out.name("abstract").value(paper.abstractText());
    out.name("authors").beginArray();
    for (Author a : paper.authors()) {
      out.beginObject().name("name").value(a.name()).name("affiliations").beginArray();
      for (String affiliation : a.affiliations()) {
        out.value(affiliation);
      }
      out.endArray().endObject();
    }
    out.endArray();
    optional(out, "published", paper.published());
    optional(out, "updated", paper.updated());
    optional(out, "primaryCategory", paper.primaryCategory());
    out.name("categories").beginArray();
    for (String c : paper.categories()) {
      out.value(c);
    }
    out.endArray();
    Links l = paper.links();
    out.name("links").beginObject();
    optional(out, "abstract", l.abstractPage());
    optional(out, "pdf", l.pdf());
    optional(out, "doi", l.doi());
    optional(out, "code", l.code());
    optional(out, "project", l.project());
    optional(out, "discussion", l.discussion());
    out.endObject();
    out.name("source").value(paper.source());
    Metrics m = paper.metrics();
    if (m.upvotes() != null) {
      out.name("upvotes").value(m.upvotes());
    }
    if (m.comments() != null) {
      out.name("comments").value(m.comments());
    }
    if (m.githubStars() != null) {
      out.name("githubStars").value(m.githubStars());
    }
    optional(out, "comment", paper.comment());
    optional(out, "journalRef", paper.journalRef());
    optional(out, "doi", paper.doi());
    if (!paper.attributes().isEmpty()) {
      out.name("attributes").beginObject();
      for (Map.Entry<AttributeKey<?>, Object> e : paper.attributes().entrySet()) {
        out.name(e.getKey().name());
        value(out, e.getValue());
      }
      out.endObject();
    }
    out.endObject();
  }

  private static void optional(JsonWriter out, String name, @Nullable Object value)
      throws IOException {
    if (value != null) {
      out.name(name).value(value.toString());
    }
  }

  /** Attribute values: strings, numbers, booleans, dates, enums, lists and records of these. */
  private static void value(JsonWriter out, @Nullable Object v) throws IOException {
    if (v == null) {
      out.nullValue();
    } else if (v instanceof Number n) {
      out.value(n);
    } else if (v instanceof Boolean b) {
      out.value(b);
    } else if (v instanceof List<?> list) {
      out.beginArray();
      for (Object o : list) {
        value(out, o);
      }
      out.endArray();
    } else if (v instanceof Map<?, ?> map) {
      out.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.name(String.valueOf(e.getKey()));
        value(out, e.getValue());
      }
      out.endObject();
    } else if (v instanceof Record r) {
      out.beginObject();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        out.name(c.getName());
        try {
          value(out, c.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IOException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
      }
      out.endObject();
    } else {
      out.value(v.toString()); // dates and times, enums, text, and anything else by its text
    }
  }
}

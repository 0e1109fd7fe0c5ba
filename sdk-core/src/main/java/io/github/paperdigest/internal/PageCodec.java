package io.github.paperdigest.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.model.AttributeKey;
import io.github.paperdigest.model.Author;
import io.github.paperdigest.model.Links;
import io.github.paperdigest.model.Metrics;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.spi.Page;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSink;
import okio.GzipSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Pages as bytes for a fleet's shared cache: compact (gzipped JSON) and versioned. The bytes start
 * with a magic number, the codec's format and the SDK's version; bytes of another format or SDK
 * version are not decoded (null: a miss), so that members of a fleet being upgraded never misread
 * each other. Attribute values are typed (strings, numbers, booleans, days, instants, URIs, enums,
 * records and lists of these), so that a page read back equals the page written; a page with a
 * value of another type is not shared.
 */
final class PageCodec {
  private static final int MAGIC = 0x50445047; // "PDPG"
  private static final int FORMAT = 1;

  private final String sdkVersion;
  private final ClassLoader loader;

  PageCodec(String sdkVersion, ClassLoader loader) {
    this.sdkVersion = sdkVersion;
    this.loader = loader;
  }

  /** Thrown when a value cannot be encoded: the page is then not shared. */
  static final class Unencodable extends Exception {
    private static final long serialVersionUID = 1L;

    Unencodable(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code page}, fetched at {@code fetchedAt}, as bytes. */
  byte[] encode(Page page, Instant fetchedAt) throws Unencodable {
    Buffer json = new Buffer();
    try (JsonWriter w = JsonWriter.of(json)) {
      w.beginObject();
      w.name("fetchedAt").value(fetchedAt.toString());
      w.name("freshness").value(page.freshness().toString());
      w.name("next").value(page.nextPageToken());
      w.name("total").value(page.totalResults());
      w.name("truncated").value(page.truncated());
      w.name("papers").beginArray();
      for (Paper p : page.papers()) {
        paper(w, p);
      }
      w.endArray();
      w.endObject();
    } catch (IOException e) {
      throw new AssertionError(e); // a Buffer does not fail
    }
    Buffer out = new Buffer().writeInt(MAGIC).writeInt(FORMAT).writeUtf8(sdkVersion).writeByte(0);
    try (var gzip = Okio.buffer(new GzipSink(out))) {
      gzip.writeAll(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.readByteArray();
  }

  /** A decoded page and when it was fetched. */
  record Decoded(Page page, Instant fetchedAt) {}

  /** The page in {@code bytes}, or null if they are of another format or version, or broken. */
  @Nullable Decoded decode(byte[] bytes) {
    try {
      Buffer in = new Buffer().write(bytes);
      if (in.size() < 9 || in.readInt() != MAGIC || in.readInt() != FORMAT) {
        return null;
      }
      long end = in.indexOf((byte) 0);
      if (end < 0 || !in.readUtf8(end).equals(sdkVersion)) {
        return null; // another SDK version wrote it: not ours to read
      }
      in.readByte();
      try (BufferedSource json = Okio.buffer(new GzipSource(in));
          JsonReader r = JsonReader.of(json)) {
        return page(r);
      }
    } catch (IOException | RuntimeException | ReflectiveOperationException e) {
      return null; // broken bytes are a miss, never a misread page
    }
  }

  // ---- encoding
  // ----------------------------------------------------------------------------------

  private void paper(JsonWriter w, Paper p) throws IOException, Unencodable {
    w.beginObject();
    w.name("id").value(p.id().namespace()).name("value").value(p.id().value());
    w.name("version").value(p.version());
    w.name("title").value(p.title());
    w.name("abstract").value(p.abstractText());
    w.name("authors").beginArray();
    for (Author a : p.authors()) {
      w.beginArray().value(a.name());
      for (String affiliation : a.affiliations()) {
        w.value(affiliation);
      }
      w.endArray();
    }
    w.endArray();
    w.name("published").value(p.published() == null ? null : p.published().toString());
    w.name("updated").value(p.updated() == null ? null : p.updated().toString());
    w.name("primaryCategory").value(p.primaryCategory());
    w.name("categories").beginArray();
    for (String c : p.categories()) {
      w.value(c);
    }
    w.endArray();
    Links l = p.links();
    w.name("links").beginArray();
    for (URI u :
        new URI[] {l.abstractPage(), l.pdf(), l.doi(), l.code(), l.project(), l.discussion()}) {
      w.value(u == null ? null : u.toString());
    }
    w.endArray();
    w.name("comment").value(p.comment());
    w.name("journalRef").value(p.journalRef());
    w.name("doi").value(p.doi());
    w.name("source").value(p.source());
    Metrics m = p.metrics();
    w.name("metrics").beginArray().value(m.upvotes()).value(m.comments()).value(m.githubStars());
    w.endArray();
    w.name("attributes").beginArray();
    for (Map.Entry<AttributeKey<?>, Object> e : p.attributes().entrySet()) {
      AttributeKey<?> key = e.getKey();
      w.beginArray().value(key.name()).value(key.type().getName()).value(key.isList());
      value(w, e.getValue());
      w.endArray();
    }
    w.endArray();
    w.endObject();
  }

  /** A typed value: {@code [tag, …]}. */
  private void value(JsonWriter w, Object v) throws IOException, Unencodable {
    w.beginArray();
    if (v instanceof String s) {
      w.value("s").value(s);
    } else if (v instanceof Integer i) {
      w.value("i").value(i);
    } else if (v instanceof Long l) {
      w.value("l").value(l);
    } else if (v instanceof Double d) {
      w.value("d").value(d);
    } else if (v instanceof Boolean b) {
      w.value("b").value(b);
    } else if (v instanceof LocalDate d) {
      w.value("date").value(d.toString());
    } else if (v instanceof Instant t) {
      w.value("instant").value(t.toString());
    } else if (v instanceof URI u) {
      w.value("uri").value(u.toString());
    } else if (v instanceof Enum<?> e) {
      w.value("enum").value(e.getDeclaringClass().getName()).value(e.name());
    } else if (v instanceof List<?> list) {
      w.value("list");
      for (Object o : list) {
        value(w, o);
      }
    } else if (v instanceof Record r) {
      w.value("record").value(r.getClass().getName());
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object component;
        try {
          component = c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new Unencodable("cannot read " + c.getName() + " of " + r.getClass().getName());
        }
        if (component == null) {
          w.nullValue();
        } else {
          value(w, component);
        }
      }
    } else {
      throw new Unencodable("no encoding for " + v.getClass().getName());
    }
    w.endArray();
  }

  // ---- decoding
  // ----------------------------------------------------------------------------------

  private Decoded page(JsonReader r) throws IOException, ReflectiveOperationException {
    Instant fetchedAt = null;
    Duration freshness = Duration.ZERO;
    String next = null;
    Long total = null;
    boolean truncated = false;
    List<Paper> papers = new ArrayList<>();
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      if (r.peek() == JsonReader.Token.NULL) {
        r.nextNull();
        continue;
      }
      switch (name) {
        case "fetchedAt" -> fetchedAt = Instant.parse(r.nextString());
        case "freshness" -> freshness = Duration.parse(r.nextString());
        case "next" -> next = r.nextString();
        case "total" -> total = r.nextLong();
        case "truncated" -> truncated = r.nextBoolean();
        case "papers" -> {
          r.beginArray();
          while (r.hasNext()) {
            papers.add(paper(r));
          }
          r.endArray();
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    if (fetchedAt == null) {
      throw new IOException("no fetchedAt");
    }
    return new Decoded(new Page(papers, next, total, freshness, truncated), fetchedAt);
  }

  @SuppressWarnings("unchecked") // attribute values are checked by Paper.Builder against the key
  private Paper paper(JsonReader r) throws IOException, ReflectiveOperationException {
    Paper.Builder b = Paper.builder();
    String namespace = null;
    String idValue = null;
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      if (r.peek() == JsonReader.Token.NULL) {
        r.nextNull();
        continue;
      }
      switch (name) {
        case "id" -> namespace = r.nextString();
        case "value" -> idValue = r.nextString();
        case "version" -> b.version(r.nextInt());
        case "title" -> b.title(r.nextString());
        case "abstract" -> b.abstractText(r.nextString());
        case "authors" -> {
          List<Author> authors = new ArrayList<>();
          r.beginArray();
          while (r.hasNext()) {
            r.beginArray();
            String authorName = r.nextString();
            List<String> affiliations = new ArrayList<>();
            while (r.hasNext()) {
              affiliations.add(r.nextString());
            }
            r.endArray();
            authors.add(new Author(authorName, affiliations));
          }
          r.endArray();
          b.authors(authors);
        }
        case "published" -> b.published(Instant.parse(r.nextString()));
        case "updated" -> b.updated(Instant.parse(r.nextString()));
        case "primaryCategory" -> b.primaryCategory(r.nextString());
        case "categories" -> b.categories(strings(r));
        case "links" -> {
          List<@Nullable URI> u = new ArrayList<>();
          r.beginArray();
          while (r.hasNext()) {
            u.add(
                r.peek() == JsonReader.Token.NULL ? r.<URI>nextNull() : URI.create(r.nextString()));
          }
          r.endArray();
          b.links(new Links(u.get(0), u.get(1), u.get(2), u.get(3), u.get(4), u.get(5)));
        }
        case "comment" -> b.comment(r.nextString());
        case "journalRef" -> b.journalRef(r.nextString());
        case "doi" -> b.doi(r.nextString());
        case "source" -> b.source(r.nextString());
        case "metrics" -> {
          r.beginArray();
          Integer upvotes = nullableInt(r);
          Integer comments = nullableInt(r);
          Integer stars = nullableInt(r);
          r.endArray();
          b.metrics(new Metrics(upvotes, comments, stars));
        }
        case "attributes" -> {
          r.beginArray();
          while (r.hasNext()) {
            r.beginArray();
            String keyName = r.nextString();
            Class<?> type = Class.forName(r.nextString(), false, loader);
            boolean list = r.nextBoolean();
            Object value = value(r);
            r.endArray();
            AttributeKey<Object> key =
                list
                    ? (AttributeKey<Object>) (AttributeKey<?>) AttributeKey.ofList(keyName, type)
                    : (AttributeKey<Object>) AttributeKey.of(keyName, type);
            b.attribute(key, value);
          }
          r.endArray();
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    if (namespace == null || idValue == null) {
      throw new IOException("a paper without an id");
    }
    return b.id(new PaperId(namespace, idValue, null)).build();
  }

  private Object value(JsonReader r) throws IOException, ReflectiveOperationException {
    r.beginArray();
    String tag = r.nextString();
    Object v =
        switch (tag) {
          case "s" -> r.nextString();
          case "i" -> r.nextInt();
          case "l" -> r.nextLong();
          case "d" -> r.nextDouble();
          case "b" -> r.nextBoolean();
          case "date" -> LocalDate.parse(r.nextString());
          case "instant" -> Instant.parse(r.nextString());
          case "uri" -> URI.create(r.nextString());
          case "enum" -> enumValue(Class.forName(r.nextString(), false, loader), r.nextString());
          case "list" -> {
            List<Object> list = new ArrayList<>();
            while (r.hasNext()) {
              list.add(value(r));
            }
            yield List.copyOf(list);
          }
          case "record" -> {
            Class<?> type = Class.forName(r.nextString(), false, loader);
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
              throw new IOException(type.getName() + " is not a record");
            }
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
              types[i] = components[i].getType();
              args[i] = r.peek() == JsonReader.Token.NULL ? r.nextNull() : value(r);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            yield canonical.newInstance(args);
          }
          default -> throw new IOException("unknown tag " + tag);
        };
    r.endArray();
    return v;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the class was written as an enum's
  private static Object enumValue(Class<?> type, String name) throws IOException {
    if (!type.isEnum()) {
      throw new IOException(type.getName() + " is not an enum");
    }
    return Enum.valueOf((Class) type, name);
  }

  private static List<String> strings(JsonReader r) throws IOException {
    List<String> out = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      out.add(r.nextString());
    }
    r.endArray();
    return out;
  }

  private static @Nullable Integer nullableInt(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) {
      return r.nextNull();
    }
    return r.nextInt();
  }
}

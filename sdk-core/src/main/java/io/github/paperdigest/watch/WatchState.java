package io.github.paperdigest.watch;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.model.PaperId;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * What a watch has delivered: for each paper acknowledged, the version delivered and when it was
 * last seen in an acknowledged poll. Immutable. Stores keep it as the JSON of {@link
 * #write(BufferedSink)} and read it back with {@link #read(BufferedSource)}.
 */
public final class WatchState {
  /** The format of {@link #write}: a store that finds another refuses it rather than guess. */
  static final int FORMAT = 1;

  private static final WatchState EMPTY = new WatchState(Map.of());
  private static final JsonReader.Options TOP = JsonReader.Options.of("format", "delivered");
  private static final JsonReader.Options ENTRY = JsonReader.Options.of("id", "version", "seen");

  private final Map<PaperId, Delivery> delivered;

  private WatchState(Map<PaperId, Delivery> delivered) {
    this.delivered = delivered;
  }

  /**
   * A paper's delivery.
   *
   * @param version the version delivered, or null if the source did not say
   * @param lastSeen when the paper was last in an acknowledged poll
   */
  public record Delivery(@Nullable Integer version, Instant lastSeen) {
    /** Checks the components. */
    public Delivery {
      Objects.requireNonNull(lastSeen, "lastSeen == null");
      if (version != null && version < 1) {
        throw new IllegalArgumentException("version < 1: " + version);
      }
    }
  }

  /** The state of a watch that delivered nothing yet. */
  public static WatchState empty() {
    return EMPTY;
  }

  /** A state of these deliveries (copied), keyed by unversioned id. */
  public static WatchState of(Map<PaperId, Delivery> delivered) {
    Map<PaperId, Delivery> copy = new LinkedHashMap<>();
    delivered.forEach((id, d) -> copy.put(id.unversioned(), Objects.requireNonNull(d)));
    return new WatchState(Collections.unmodifiableMap(copy));
  }

  /** The deliveries by unversioned id, oldest first. */
  public Map<PaperId, Delivery> delivered() {
    return delivered;
  }

  /** Writes this state as JSON. */
  public void write(BufferedSink sink) throws IOException {
    try (JsonWriter w = JsonWriter.of(sink)) {
      w.beginObject();
      w.name("format").value(FORMAT);
      w.name("delivered").beginArray();
      for (Map.Entry<PaperId, Delivery> e : delivered.entrySet()) {
        w.beginObject();
        w.name("id").value(e.getKey().toString());
        Integer version = e.getValue().version();
        if (version != null) {
          w.name("version").value(version);
        }
        w.name("seen").value(e.getValue().lastSeen().toString());
        w.endObject();
      }
      w.endArray();
      w.endObject();
    }
  }

  /**
   * Reads a state {@link #write written} before.
   *
   * @throws WatchException naming the JSON path if it is not a watch state of this format
   * @throws IOException if reading fails
   */
  public static WatchState read(BufferedSource source) throws IOException {
    JsonReader r = JsonReader.of(source);
    try {
      Map<PaperId, Delivery> delivered = new LinkedHashMap<>();
      Integer format = null;
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(TOP)) {
          case 0 -> format = r.nextInt();
          case 1 -> {
            r.beginArray();
            while (r.hasNext()) {
              readEntry(r, delivered);
            }
            r.endArray();
          }
          default -> {
            r.skipName();
            r.skipValue();
          }
        }
      }
      r.endObject();
      if (format == null || format != FORMAT) {
        throw new WatchException(
            "Not a watch state of format " + FORMAT + " (format " + format + ")", null);
      }
      return new WatchState(Collections.unmodifiableMap(delivered));
    } catch (JsonDataException | JsonEncodingException | IllegalArgumentException e) {
      throw new WatchException("Not a watch state at " + r.getPath() + ": " + e.getMessage(), e);
    } catch (DateTimeException e) {
      throw new WatchException("Not a watch state at " + r.getPath() + ": bad time", e);
    }
  }

  private static void readEntry(JsonReader r, Map<PaperId, Delivery> into) throws IOException {
    String id = null;
    Integer version = null;
    Instant seen = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(ENTRY)) {
        case 0 -> id = r.nextString();
        case 1 -> version = r.nextInt();
        case 2 -> seen = Instant.parse(r.nextString());
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    if (id == null || seen == null) {
      throw new JsonDataException("an entry without id or seen");
    }
    into.put(PaperId.parse(id).unversioned(), new Delivery(version, seen));
  }

  /** This state as the JSON {@link #write} makes. */
  @Override
  public String toString() {
    Buffer buffer = new Buffer();
    try {
      write(buffer);
    } catch (IOException e) {
      throw new AssertionError(e); // a Buffer does not fail
    }
    return buffer.readUtf8();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WatchState s && s.delivered.equals(delivered);
  }

  @Override
  public int hashCode() {
    return delivered.hashCode();
  }
}

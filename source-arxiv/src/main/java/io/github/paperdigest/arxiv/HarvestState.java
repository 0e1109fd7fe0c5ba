package io.github.paperdigest.arxiv;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A harvest's checkpoint after its last completed page, as JSON: which harvest (set, format, from,
 * until), the window being read (its first day and the ids delivered from it, to de-duplicate when
 * an expired token makes the window start again), the resumption token of its next page, the last
 * datestamp delivered, the counts, whether it is complete, and where the caller's output stood.
 */
final class HarvestState {
  static final int FORMAT = 1;
  private static final JsonReader.Options NAMES =
      JsonReader.Options.of(
          "format",
          "set",
          "metadata",
          "from",
          "until",
          "token",
          "lastDatestamp",
          "windowStart",
          "windowEnd",
          "windowIds",
          "records",
          "deleted",
          "pages",
          "complete",
          "sinkPosition");

  @Nullable String set;
  String metadata = "";
  @Nullable LocalDate from;
  @Nullable LocalDate until;
  @Nullable String token;
  @Nullable LocalDate lastDatestamp;
  @Nullable LocalDate windowStart;
  @Nullable LocalDate windowEnd;
  Set<String> windowIds = new LinkedHashSet<>();
  long records;
  long deleted;
  long pages;
  boolean complete;
  @Nullable Long sinkPosition;

  /** A copy to work out the next checkpoint in; the window's ids are shared, not copied. */
  HarvestState copy() {
    HarvestState c = new HarvestState();
    c.set = set;
    c.metadata = metadata;
    c.from = from;
    c.until = until;
    c.token = token;
    c.lastDatestamp = lastDatestamp;
    c.windowStart = windowStart;
    c.windowEnd = windowEnd;
    c.windowIds = windowIds; // changed only at the checkpoint
    c.records = records;
    c.deleted = deleted;
    c.pages = pages;
    c.complete = complete;
    c.sinkPosition = sinkPosition;
    return c;
  }

  /** Whether this is the checkpoint of a harvest of the same list. */
  boolean sameHarvest(
      @Nullable String set, OaiFormat format, @Nullable LocalDate from, @Nullable LocalDate until) {
    return Objects.equals(this.set, set)
        && metadata.equals(format.prefix())
        && Objects.equals(this.from, from)
        && Objects.equals(this.until, until);
  }

  String describe() {
    return "set "
        + (set == null ? "(all)" : set)
        + ", metadata "
        + metadata
        + ", from "
        + (from == null ? "(start)" : from)
        + ", until "
        + (until == null ? "(now)" : until);
  }

  byte[] toJson() throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setIndent("  ");
      w.beginObject();
      w.name("format").value(FORMAT);
      w.name("set").value(set);
      w.name("metadata").value(metadata);
      w.name("from").value(from == null ? null : from.toString());
      w.name("until").value(until == null ? null : until.toString());
      w.name("token").value(token);
      w.name("lastDatestamp").value(lastDatestamp == null ? null : lastDatestamp.toString());
      w.name("windowStart").value(windowStart == null ? null : windowStart.toString());
      w.name("windowEnd").value(windowEnd == null ? null : windowEnd.toString());
      w.name("windowIds").beginArray();
      for (String id : windowIds) {
        w.value(id);
      }
      w.endArray();
      w.name("records").value(records);
      w.name("deleted").value(deleted);
      w.name("pages").value(pages);
      w.name("complete").value(complete);
      w.name("sinkPosition").value(sinkPosition);
      w.endObject();
    }
    return buffer.readByteArray();
  }

  /**
   * Reads a checkpoint.
   *
   * @throws HarvestException naming the JSON path if it is not one
   */
  static HarvestState fromJson(byte[] json, String file) {
    JsonReader r = JsonReader.of(new Buffer().write(json));
    HarvestState s = new HarvestState();
    Integer format = null;
    try {
      r.beginObject();
      while (r.hasNext()) {
        int name = r.selectName(NAMES);
        if (name >= 0 && r.peek() == JsonReader.Token.NULL) {
          r.nextNull();
          continue;
        }
        switch (name) {
          case 0 -> format = r.nextInt();
          case 1 -> s.set = r.nextString();
          case 2 -> s.metadata = r.nextString();
          case 3 -> s.from = LocalDate.parse(r.nextString());
          case 4 -> s.until = LocalDate.parse(r.nextString());
          case 5 -> s.token = r.nextString();
          case 6 -> s.lastDatestamp = LocalDate.parse(r.nextString());
          case 7 -> s.windowStart = LocalDate.parse(r.nextString());
          case 8 -> s.windowEnd = LocalDate.parse(r.nextString());
          case 9 -> {
            List<String> ids = new ArrayList<>();
            r.beginArray();
            while (r.hasNext()) {
              ids.add(r.nextString());
            }
            r.endArray();
            s.windowIds = new LinkedHashSet<>(ids);
          }
          case 10 -> s.records = r.nextLong();
          case 11 -> s.deleted = r.nextLong();
          case 12 -> s.pages = r.nextLong();
          case 13 -> s.complete = r.nextBoolean();
          case 14 -> s.sinkPosition = r.nextLong();
          default -> {
            r.skipName();
            r.skipValue();
          }
        }
      }
      r.endObject();
    } catch (IOException | JsonDataException | DateTimeException e) {
      throw new HarvestException(
          file + " is not a harvest state (at " + r.getPath() + "): " + e.getMessage(), e);
    }
    if (format == null || format != FORMAT || s.metadata.isEmpty()) {
      throw new HarvestException(
          file + " is not a harvest state of format " + FORMAT + " (format " + format + ")", null);
    }
    return s;
  }
}

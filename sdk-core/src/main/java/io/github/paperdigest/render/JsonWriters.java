package io.github.paperdigest.render;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.model.Paper;
import java.io.IOException;
import java.io.Writer;
import okio.Buffer;

/** {@link Format#JSON} (an indented array) and {@link Format#JSONL} (an object a line). */
final class JsonWriters implements PaperWriter {
  private final boolean array;

  JsonWriters(boolean array) {
    this.array = array;
  }

  @Override
  public void write(Listing listing, Writer out) throws IOException {
    if (array) {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        writer.setIndent("  ");
        writer.beginArray();
        for (Paper p : listing.papers()) {
          PaperJson.write(writer, p);
        }
        writer.endArray();
      }
      out.write(buffer.readUtf8() + "\n");
      return;
    }
    for (Paper p : listing.papers()) {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        PaperJson.write(writer, p);
      }
      out.write(buffer.readUtf8() + "\n");
    }
  }
}

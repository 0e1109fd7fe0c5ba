package io.github.paperdigest.examples;

import com.squareup.moshi.JsonWriter;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.render.PaperJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import okio.BufferedSink;
import okio.Okio;

/**
 * A custom source plugin at work: the {@code jsonl} source of package {@code
 * io.github.paperdigest.examples.jsonl} (a provider, a source and a {@code META-INF/services}
 * entry, nothing else). This program archives a day of Hugging Face papers as JSON Lines, then
 * queries the archive through the plugin like any other source.
 *
 * <pre>
 * mvn -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.github.paperdigest.examples.CustomSource -Dexec.args="target/papers --offline"
 * </pre>
 */
public final class CustomSource {
  private CustomSource() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(Examples.arguments(args).stream().findFirst().orElse("target/papers"));
    LocalDate day = LocalDate.of(2025, 10, 3);
    Files.createDirectories(folder);

    try (PaperDigest client = Examples.client(args)) {
      // 1. archive: one paper per line, in the CLI's JSON form
      Digest digest = client.digest("hf-daily").on(day);
      try (BufferedSink sink = Okio.buffer(Okio.sink(folder.resolve(day + ".jsonl")))) {
        for (Paper p : digest.papers()) {
          JsonWriter line = JsonWriter.of(sink);
          PaperJson.write(line, p);
          line.flush();
          sink.writeUtf8("\n");
        }
      }
      System.out.println(
          "archived " + digest.size() + " papers in " + folder.resolve(day + ".jsonl"));
    }

    // 2. query the archive through the plugin, found by ServiceLoader like hf-daily and arxiv
    try (PaperDigest archive =
        PaperDigest.builder().option("jsonl", "dir", folder.toString()).build()) {
      System.out.println(archive.sources().stream().map(s -> s.id()).toList());
      for (Paper p : archive.from("jsonl").on(day).search("video").limit(5)) {
        System.out.println("  " + p.id() + "  " + p.title());
      }
    }
  }
}

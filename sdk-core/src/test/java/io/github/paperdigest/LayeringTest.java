package io.github.paperdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other in one direction: model ← spi ← the client API and its
 * implementation. The model uses nothing else of PaperDigest; the SPI only the model; so a plugin
 * compiles against the model and the SPI alone, and nothing a plugin sees reaches into internals.
 * Renderers use only the model; watches the model and the SPI's StateFile.
 */
final class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/io/github/paperdigest");
  private static final Pattern REFERENCE =
      Pattern.compile("io\\.github\\.paperdigest(\\.[a-z]+)?\\.[A-Z]");

  @Test
  void modelUsesNothingElseAndSpiOnlyTheModel() throws IOException {
    List<String> problems = new ArrayList<>();
    check(SOURCES.resolve("model"), List.of(".model"), problems);
    check(SOURCES.resolve("spi"), List.of(".model", ".spi"), problems);
    // renderers and watches work on papers alone, whichever client or source made them
    check(SOURCES.resolve("render"), List.of(".model", ".render"), problems);
    check(SOURCES.resolve("watch"), List.of(".model", ".spi", ".watch"), problems);
    assertThat(problems).isEmpty();
  }

  /**
   * Every reference to a PaperDigest type in {@code dir} is to one of the {@code allowed} packages.
   */
  private static void check(Path dir, List<String> allowed, List<String> problems)
      throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
          String pkg = m.group(1) == null ? "" : m.group(1);
          if (!allowed.contains(pkg)) {
            problems.add(file + " refers to io.github.paperdigest" + pkg);
          }
        }
      }
    }
    assertThat(dir).isDirectory();
  }
}

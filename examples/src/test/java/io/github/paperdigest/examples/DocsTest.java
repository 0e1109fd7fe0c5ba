package io.github.paperdigest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documentation cannot drift from the code: every Java and XML block of the README and of the
 * plugin guide is preceded by {@code <!-- snippet: path#region -->} and must equal that region of a
 * file the build compiles (and mostly tests). A region is the lines between {@code guide:name} and
 * {@code guide:end} comments, without their common indentation; {@code #imports} is the file's
 * import lines; no region is the whole file; {@code a,b} joins regions with a blank line.
 */
final class DocsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+) -->");
  private static final Pattern FENCE = Pattern.compile("```(\\w*)");

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/writing-a-source.md"})
  void everyCodeBlockIsARegionOfCompiledCode(String doc) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve(doc), StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    String marker = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = MARKER.matcher(line);
      if (m.matches()) {
        marker = m.group(1);
        continue;
      }
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        if (!line.isBlank()) {
          marker = null; // a marker belongs to the block right after it
        }
        continue;
      }
      String language = fence.group(1);
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).equals("```")) {
        end++;
      }
      String block = String.join("\n", lines.subList(start, end));
      if (marker != null) {
        String expected = expected(marker);
        if (!block.equals(expected)) {
          problems.add(
              doc + ":" + (i + 1) + " differs from " + marker + "; it should read:\n" + expected);
        }
        checked++;
      } else if (language.equals("java") || language.equals("xml")) {
        problems.add(doc + ":" + (i + 1) + ": a " + language + " block without a snippet marker");
      }
      marker = null;
      i = end;
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(3);
  }

  private static String expected(String marker) throws IOException {
    int hash = marker.indexOf('#');
    Path file = ROOT.resolve(hash < 0 ? marker : marker.substring(0, hash));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String version = System.getProperty("project.version", "@project.version@");
    if (hash < 0) {
      return text.strip().replace("@project.version@", version);
    }
    List<String> parts = new ArrayList<>();
    for (String name : marker.substring(hash + 1).split(",", -1)) {
      parts.add(region(file, text.lines().toList(), name));
    }
    return String.join("\n\n", parts).replace("@project.version@", version);
  }

  private static String region(Path file, List<String> lines, String name) {
    if (name.equals("imports")) {
      return String.join("\n", lines.stream().filter(l -> l.startsWith("import ")).toList());
    }
    Pattern open = Pattern.compile(".*guide:" + Pattern.quote(name) + "(\\s.*|-->.*|)");
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (open.matcher(lines.get(i)).matches()) {
        if (start >= 0) {
          throw new AssertionError("two regions " + name + " in " + file);
        }
        start = i + 1;
      }
    }
    if (start < 0) {
      throw new AssertionError("no region " + name + " in " + file);
    }
    int end = start;
    while (end < lines.size() && !lines.get(end).contains("guide:end")) {
      end++;
    }
    List<String> body = new ArrayList<>(lines.subList(start, end));
    while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
      body.remove(body.size() - 1);
    }
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
        "\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}

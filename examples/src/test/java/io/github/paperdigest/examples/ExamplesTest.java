package io.github.paperdigest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example runs offline against the bundled recordings and prints what it says it does. */
final class ExamplesTest {
  @TempDir Path tmp;

  interface Main {
    void run(String[] args) throws Exception;
  }

  private static synchronized String output(Main main, String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      main.run(args);
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quickStart() throws Exception {
    String out = output(QuickStart::main, "--offline");
    assertThat(out.lines()).hasSize(10);
    // most upvoted first
    int first = Integer.parseInt(out.lines().findFirst().orElseThrow().strip().split("\\s+")[0]);
    int last =
        Integer.parseInt(out.lines().reduce((a, b) -> b).orElseThrow().strip().split("\\s+")[0]);
    assertThat(first).isGreaterThanOrEqualTo(last);
  }

  @Test
  void arxivSearch() throws Exception {
    String out = output(ArxivSearch::main, "--offline");
    assertThat(out)
        .startsWith("search_query=all:electron AND all:proton")
        .contains("arxiv:nucl-ex/0408020v1  Two-photon exchange and elastic scattering");
    assertThat(out.lines()).hasSize(11);
  }

  @Test
  void categoryAnnouncements() throws Exception {
    String out = output(CategoryAnnouncements::main, "cs.CL", "--offline");
    assertThat(out)
        .startsWith("2 papers announced in cs.CL")
        .contains("new    2510.01001     Hand-Written Feed Item One")
        .contains("cross  2510.01002     Hand-Written Feed Item Two");
  }

  @Test
  void asyncFanOut() throws Exception {
    String out = output(AsyncFanOut::main, "--offline");
    assertThat(out)
        .contains("Hugging Face, latest:", "arXiv, \"testing\":", "arXiv, by id:")
        .contains("  arxiv:2202.12139v1  Testing Deep Learning Models")
        .contains("  arxiv:1707.08567v1  Proceedings of Workshop AEW10");
    assertThat(out.lines()).hasSize(3 + 5 + 10 + 1);
  }

  @Test
  void customSource() throws Exception {
    String out = output(CustomSource::main, tmp.toString(), "--offline");
    assertThat(out)
        .contains("archived 39 papers in " + tmp.resolve("2025-10-03.jsonl"))
        .contains("[arxiv, hf-daily, jsonl]")
        .contains("arxiv:2510.02283  Self-Forcing++");
    assertThat(Files.readAllLines(tmp.resolve("2025-10-03.jsonl"))).hasSize(39);
  }

  @Test
  void listSources() throws Exception {
    assertThat(output(ListSources::main)).contains("jsonl", "hf-daily", "arxiv");
  }
}

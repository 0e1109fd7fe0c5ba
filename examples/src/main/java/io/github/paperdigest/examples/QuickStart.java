package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.Sort;

/**
 * Quick start: today's Hugging Face Daily Papers, most upvoted first.
 *
 * <pre>
 * mvn -q -pl examples -am package exec:java -DskipTests -Dexec.mainClass=io.github.paperdigest.examples.QuickStart
 * # offline, against the bundled recording of the latest list (2026-06-12):
 * ... -Dexec.args=--offline
 * </pre>
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    try (PaperDigest client = Examples.client(args)) { // one client, shared and closed
      for (Paper paper : client.from("hf-daily").latest().sortBy(Sort.MOST_UPVOTED).limit(10)) {
        System.out.printf("%4d  %-16s %s%n", paper.metrics().upvotes(), paper.id(), paper.title());
      }
    }
  }
}

package io.github.paperdigest.examples;

import io.github.paperdigest.Paper;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.Sort;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Quick start: today's (or a given day's) Hugging Face Daily Papers, most upvoted first. Needs the
 * network, or {@code -Dpaperdigest.hf-daily.base-url=...} pointing at a mirror.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.paperdigest.examples.QuickStart -Dexec.args=2025-10-03</pre>
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    LocalDate day = args.length > 0 ? LocalDate.parse(args[0]) : LocalDate.now(ZoneOffset.UTC);
    try (PaperDigest client = PaperDigest.create()) {
      for (Paper paper : client.from("hf-daily").on(day).sortBy(Sort.MOST_UPVOTED).limit(10)) {
        System.out.printf("%4d  %s  %s%n", paper.metrics().upvotes(), paper.id(), paper.title());
      }
    }
  }
}

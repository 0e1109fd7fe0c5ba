package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.arxiv.Arxiv;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;

/**
 * A category's daily announcements on arXiv: what {@code cs.CL} announced last, new submissions and
 * cross-lists (add {@code replace} to the {@link Arxiv#ANNOUNCE} option for new versions). Weekends
 * and holidays give an empty digest.
 *
 * <pre>
 * mvn -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.github.paperdigest.examples.CategoryAnnouncements -Dexec.args="cs.CL --offline"
 * </pre>
 *
 * Offline, the feed is a hand-written example (no genuine recording of arXiv's RSS exists here).
 */
public final class CategoryAnnouncements {
  private CategoryAnnouncements() {}

  public static void main(String[] args) {
    String category = Examples.arguments(args).stream().findFirst().orElse("cs.CL");
    try (PaperDigest client = Examples.client(args)) {
      Digest digest =
          client.digest("arxiv").category(category).option(Arxiv.ANNOUNCE, "new,cross").latest();
      System.out.println(digest.size() + " papers announced in " + category);
      for (Paper paper : digest.papers()) {
        String type = paper.attribute(Arxiv.ANNOUNCE_TYPE).map(Object::toString).orElse("?");
        System.out.printf("%-6s %-14s %s%n", type, paper.id().value(), paper.title());
      }
    }
  }
}

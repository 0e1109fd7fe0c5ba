package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.arxiv.Arxiv;
import io.github.paperdigest.arxiv.ArxivQuery;
import io.github.paperdigest.model.Paper;

/**
 * arXiv search with the typed query builder: papers that mention both electrons and protons, by
 * relevance. The builder writes arXiv's syntax ({@code all:electron AND all:proton}) and the query
 * API pages through the results lazily, 3 seconds apart as arXiv asks.
 *
 * <pre>
 * mvn -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.github.paperdigest.examples.ArxivSearch -Dexec.args=--offline
 * </pre>
 */
public final class ArxivSearch {
  private ArxivSearch() {}

  public static void main(String[] args) {
    ArxivQuery query = ArxivQuery.all("electron").and(ArxivQuery.all("proton"));
    System.out.println("search_query=" + query);
    try (PaperDigest client = Examples.client(args)) {
      for (Paper paper : client.from("arxiv").option(Arxiv.QUERY, query.toString()).limit(10)) {
        System.out.printf(
            "%-24s %s  [%s]%n",
            paper.versionedId(), paper.title(), String.join(", ", paper.categories()));
      }
    }
  }
}

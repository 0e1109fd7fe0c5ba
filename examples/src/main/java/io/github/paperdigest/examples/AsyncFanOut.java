package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Async fan-out over both sources: the latest Hugging Face papers, an arXiv search and an arXiv
 * paper by id are asked for at the same time, without blocking a thread per request (OkHttp's
 * {@code enqueue} under the hood), then joined. The two arXiv calls still go out 3 seconds apart:
 * politeness holds whatever the caller does.
 *
 * <pre>
 * mvn -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.github.paperdigest.examples.AsyncFanOut -Dexec.args=--offline
 * </pre>
 */
public final class AsyncFanOut {
  private AsyncFanOut() {}

  public static void main(String[] args) {
    try (PaperDigest client = Examples.client(args)) {
      CompletableFuture<List<Paper>> hf = client.from("hf-daily").latest().limit(5).listAsync();
      CompletableFuture<List<Paper>> search =
          client.from("arxiv").search("testing").limit(10).listAsync();
      CompletableFuture<List<Paper>> byId =
          client.from("arxiv").papersAsync(List.of(PaperId.arxiv("1707.08567")));

      CompletableFuture.allOf(hf, search, byId).join(); // all three in flight at once
      System.out.println("Hugging Face, latest:");
      hf.join().forEach(p -> System.out.println("  " + p.id() + "  " + p.title()));
      System.out.println("arXiv, \"testing\":");
      search.join().forEach(p -> System.out.println("  " + p.versionedId() + "  " + p.title()));
      System.out.println("arXiv, by id:");
      byId.join().forEach(p -> System.out.println("  " + p.versionedId() + "  " + p.title()));
    }
  }
}

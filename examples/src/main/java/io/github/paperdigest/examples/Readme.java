package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.arxiv.Arxiv;
import io.github.paperdigest.arxiv.ArxivHarvest;
import io.github.paperdigest.arxiv.ArxivQuery;
import io.github.paperdigest.arxiv.OaiFormat;
import io.github.paperdigest.hf.HfDaily;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.Sort;
import io.github.paperdigest.render.Format;
import io.github.paperdigest.render.Listing;
import io.github.paperdigest.watch.Watch;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The code blocks of the README, compiled: {@code DocsTest} fails when the README shows anything
 * else (imports included), and {@code ExamplesTest} runs the ones that need no network.
 */
final class Readme {
  private Readme() {}

  static void quickStart() {
    // guide:quick-start
    try (PaperDigest client = PaperDigest.create()) { // share one client; close it at the end
      Digest day = client.digest("hf-daily").on(LocalDate.of(2025, 10, 3));
      System.out.println(day.size() + " papers, complete: " + day.complete());

      for (Paper p :
          client
              .from("hf-daily")
              .on(LocalDate.of(2025, 10, 3))
              .minUpvotes(10)
              .sortBy(Sort.MOST_UPVOTED)
              .limit(5)) {
        System.out.println(p.metrics().upvotes() + "  " + p.id() + "  " + p.title());
        p.attribute(HfDaily.AI_SUMMARY).ifPresent(System.out::println);
      }
    }
    // guide:end
  }

  static List<Paper> arxiv(PaperDigest client, List<PaperId> ids) {
    // guide:arxiv
    ArxivQuery q =
        ArxivQuery.title("retrieval augmented").andNot(ArxivQuery.abstractText("survey"));
    List<Paper> recent =
        client
            .from("arxiv")
            .category("cs.CL", "cs.IR")
            .option(Arxiv.QUERY, q.toString())
            .sortBy(Sort.NEWEST)
            .limit(50)
            .list(); // newest first; pages 3 s apart
    List<Paper> byId = client.from("arxiv").papers(ids); // 100 ids per request
    Digest today = client.digest("arxiv").category("cs.CL").latest(); // the latest announcement
    // guide:end
    System.out.println(recent.size() + " recent, " + today.size() + " announced");
    return byId;
  }

  static PaperDigest configured() {
    // guide:configure
    PaperDigest client =
        PaperDigest.builder()
            .option("hf-daily", "base-url", "https://hf-mirror.example")
            .userAgent(PaperDigest.DEFAULT_USER_AGENT + " mailto:me@example.org")
            .httpCache(Path.of("/var/cache/paperdigest"), 50_000_000) // opt-in on-disk HTTP cache
            .build();
    // guide:end
    return client;
  }

  static PaperDigest replaying(Path recordings) {
    // guide:record-replay
    PaperDigest.builder()
        .record(recordings)
        .build(); // writes each exchange: host/name.json + .body
    PaperDigest offline = PaperDigest.builder().replay(recordings).build(); // no network, no waits
    // guide:end
    return offline;
  }

  static void digests(PaperDigest client, Path state, Writer out) throws IOException {
    // guide:digests
    // one paper, every source's knowledge: Hugging Face's day and arXiv's cs.CL announcement
    Digest merged =
        client.digest("hf-daily", "arxiv").category("cs.CL").on(LocalDate.of(2025, 10, 3));
    // Hugging Face's latest day, completed by arXiv (categories, DOI, journal ref, version)
    Digest latest = client.enrich(client.digest("hf-daily").latest(), "arxiv");

    try (Watch watch = Watch.builder().stateFile(state).build()) { // locked, atomically saved
      Watch.Batch batch = watch.poll(latest); // only what no earlier run delivered
      Listing feed = Listing.of("Daily Papers", batch.papers(), latest.fetchedAt());
      Format.ATOM.writer().write(feed, out); // or BIBTEX, CSL_JSON, HTML, TEXT, MARKDOWN, …
      batch.acknowledge(); // once delivered: never again (unacknowledged ones come back)
    }
    // guide:end
    System.out.println(merged.size() + " merged");
  }

  static void harvest(PaperDigest client, Consumer<Paper> index) {
    // guide:harvest
    try (ArxivHarvest.Run run =
        Arxiv.harvest(client) // through the client's arxiv source: 3 s apart, retries, timeouts
            .set("cs") // or cs:cs:AI, physics:hep-th, …
            .from(LocalDate.of(2025, 1, 1))
            .metadata(OaiFormat.ARXIV_RAW) // with the version history
            .state(Path.of("cs.state")) // checkpoint per page; run again to resume
            .start()) {
      run.papers().forEach(index); // lazily, one page in memory
    }
    // guide:end
  }
}

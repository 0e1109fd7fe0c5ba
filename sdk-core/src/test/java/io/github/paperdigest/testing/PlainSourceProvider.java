package io.github.paperdigest.testing;

import io.github.paperdigest.model.Paper;
import io.github.paperdigest.model.PaperId;
import io.github.paperdigest.model.SourceCapabilities;
import io.github.paperdigest.spi.Fetch;
import io.github.paperdigest.spi.Page;
import io.github.paperdigest.spi.PageRequest;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;
import java.time.Duration;
import java.util.List;

/** A test source without metrics, digests or lookup, serving two fixed papers from memory. */
public final class PlainSourceProvider implements PaperSourceProvider {
  @Override
  public String id() {
    return "plain";
  }

  @Override
  public String description() {
    return "In-memory test source";
  }

  @Override
  public PaperSource create(SourceContext context) {
    return new PaperSource() {
      @Override
      public SourceCapabilities capabilities() {
        return SourceCapabilities.builder().build();
      }

      @Override
      public Fetch<Page> fetchPage(PageRequest request) {
        return Fetch.supplying(
            "plain",
            () ->
                Page.last(
                    List.of(
                        Paper.builder(PaperId.arxiv("2501.00001"), "Alpha").source("plain").build(),
                        Paper.builder(PaperId.arxiv("2501.00002"), "Beta").source("plain").build()),
                    Duration.ofMinutes(1)));
      }
    };
  }
}

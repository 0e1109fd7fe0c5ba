package io.github.paperdigest.arxiv;

import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceContext;
import java.time.Duration;

/**
 * Provides the {@code arxiv} source. Found by {@link java.util.ServiceLoader}; users do not call
 * it.
 */
public final class ArxivProvider implements PaperSourceProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public ArxivProvider() {}

  @Override
  public String id() {
    return Arxiv.ID;
  }

  @Override
  public String description() {
    return "arXiv: search, papers by id (batched) and the daily announcements of categories";
  }

  /**
   * arXiv's terms of use: no more than one request every three seconds and one connection at a
   * time, for the API, the feeds and the listings alike.
   */
  @Override
  public PolitenessPolicy politeness() {
    return PolitenessPolicy.DEFAULT.withMinInterval(Duration.ofSeconds(3)).withMaxConcurrent(1);
  }

  @Override
  public ErrorDecoder errorDecoder() {
    return ArxivSource.ERRORS;
  }

  @Override
  public PaperSource create(SourceContext context) {
    return new ArxivSource(context);
  }
}

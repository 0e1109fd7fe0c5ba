package io.github.paperdigest.hf;

import io.github.paperdigest.spi.ErrorDecoder;
import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceContext;
import java.time.Duration;

/**
 * Provides the {@code hf-daily} source. Found by {@link java.util.ServiceLoader}; users do not call
 * it.
 */
public final class HfDailyProvider implements PaperSourceProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public HfDailyProvider() {}

  @Override
  public String id() {
    return HfDaily.ID;
  }

  @Override
  public String description() {
    return "Hugging Face Daily Papers: daily, weekly and monthly digests, search and paper pages";
  }

  /**
   * Anonymous API use allows 500 requests per 5 minutes: 4 at a time, a little apart, stays well
   * inside it.
   */
  @Override
  public PolitenessPolicy politeness() {
    return PolitenessPolicy.DEFAULT.withMaxConcurrent(4).withMinInterval(Duration.ofMillis(250));
  }

  @Override
  public ErrorDecoder errorDecoder() {
    return HfDailySource.ERRORS;
  }

  @Override
  public PaperSource create(SourceContext context) {
    return new HfDailySource(context);
  }
}

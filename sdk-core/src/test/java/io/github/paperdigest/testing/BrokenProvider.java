package io.github.paperdigest.testing;

import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;

/** A provider whose constructor fails, as one with a missing dependency would. */
public final class BrokenProvider implements PaperSourceProvider {
  public BrokenProvider() {
    throw new IllegalStateException("missing dependency");
  }

  @Override
  public String id() {
    return "broken";
  }

  @Override
  public String description() {
    return "Broken";
  }

  @Override
  public PaperSource create(SourceContext context) {
    throw new UnsupportedOperationException();
  }
}

package io.github.paperdigest.testing;

import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;

/** A second provider claiming the id {@code test}, for the duplicate-id check. */
public final class DuplicateTestProvider implements PaperSourceProvider {
  @Override
  public String id() {
    return "test";
  }

  @Override
  public String description() {
    return "Duplicate";
  }

  @Override
  public PaperSource create(SourceContext context) {
    throw new UnsupportedOperationException();
  }
}

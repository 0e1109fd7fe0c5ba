package io.github.paperdigest.testing;

import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;

/** A provider whose source cannot be created (its settings are wrong). */
public final class FailingCreateProvider implements PaperSourceProvider {
  @Override
  public String id() {
    return "failing";
  }

  @Override
  public String description() {
    return "Fails in create";
  }

  @Override
  public PaperSource create(SourceContext context) {
    context.config().url("base-url", "not a url");
    throw new AssertionError("unreachable");
  }
}

package io.github.paperdigest.examples.jsonl;

import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.SourceContext;

/**
 * The example source {@code jsonl}: a folder of JSON Lines files, one paper per line in the form
 * the CLI writes with {@code --format jsonl}. A file named {@code YYYY-MM-DD.jsonl} is that day's
 * digest. Keep your own archive with {@code paperdigest digest hf-daily --format jsonl >
 * papers/2025-10-03.jsonl}, then query it like any other source.
 *
 * <p>Everything a source plugin needs is here: this provider, found by {@link
 * java.util.ServiceLoader} through {@code
 * META-INF/services/io.github.paperdigest.spi.PaperSourceProvider}; the source ({@link
 * JsonlFolderSource}), which declares its capabilities and turns one page request into a {@link
 * io.github.paperdigest.spi.Fetch}; and its one setting, {@code dir} ({@code
 * -Dpaperdigest.jsonl.dir=...} or {@code option("jsonl", "dir", ...)}, default {@code papers}). See
 * {@code docs/writing-a-source.md}.
 */
public final class JsonlFolderProvider implements PaperSourceProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public JsonlFolderProvider() {}

  @Override
  public String id() {
    return JsonlFolderSource.ID;
  }

  @Override
  public String description() {
    return "Example plugin: a folder of JSON Lines files (YYYY-MM-DD.jsonl = that day's digest)";
  }

  // politeness(): the default is fine, and unused: this source makes no HTTP requests.

  @Override
  public PaperSource create(SourceContext context) {
    return new JsonlFolderSource(context.config().string("dir", "papers"), context.moshi());
  }
}

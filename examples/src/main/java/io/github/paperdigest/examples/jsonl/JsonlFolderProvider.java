package io.github.paperdigest.examples.jsonl;

import io.github.paperdigest.spi.PaperSource;
import io.github.paperdigest.spi.PaperSourceProvider;
import io.github.paperdigest.spi.PolitenessPolicy;
import io.github.paperdigest.spi.SourceConfig;
import io.github.paperdigest.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The example source {@code jsonl}: a folder of JSON Lines files, one paper per line in the form
 * the CLI writes with {@code --format jsonl}. A file named {@code YYYY-MM-DD.jsonl} is that day's
 * digest. Keep your own archive with {@code paperdigest digest hf-daily --format jsonl >
 * papers/2025-10-03.jsonl}, then query it like any other source; or publish the folder on any web
 * server and set {@code url} instead of {@code dir}.
 *
 * <p>Everything a source plugin needs is here: this provider, found by {@link
 * java.util.ServiceLoader} through {@code
 * META-INF/services/io.github.paperdigest.spi.PaperSourceProvider}; and the source ({@link
 * JsonlFolderSource}), which declares its capabilities and turns one page request into a {@link
 * io.github.paperdigest.spi.Fetch}. Settings: {@code dir} ({@code -Dpaperdigest.jsonl.dir=...} or
 * {@code option("jsonl", "dir", ...)}, default {@code papers}) or {@code url} (a folder on a web
 * server). See {@code docs/writing-a-source.md}, whose code is taken from these classes.
 */
public final class JsonlFolderProvider implements PaperSourceProvider {

  // guide:provider
  /** Called by {@link java.util.ServiceLoader}: public, no arguments, no I/O. */
  public JsonlFolderProvider() {}

  @Override
  public String id() {
    return JsonlFolderSource.ID; // "jsonl": lower-case, unique, what users query by
  }

  @Override
  public String description() {
    return "Example plugin: a folder of JSON Lines files (YYYY-MM-DD.jsonl = that day's digest)";
  }

  @Override
  public PolitenessPolicy politeness() {
    // a web server that hosts the folder: one file a second, one at a time, is plenty
    return PolitenessPolicy.DEFAULT.withMinInterval(Duration.ofSeconds(1)).withMaxConcurrent(1);
  }

  @Override
  public PaperSource create(SourceContext context) {
    SourceConfig config = context.config(); // builder options, then -Dpaperdigest.jsonl.*
    if (config.isSet("url")) {
      HttpUrl url = config.url("url", "https://example.org/papers/"); // fails with a typed error
      return new JsonlFolderSource(context, url);
    }
    return new JsonlFolderSource(context, Path.of(config.string("dir", "papers")));
  }
  // guide:end
}

/**
 * PaperDigest core: the common paper model, the fluent query API, caching, the shared HTTP layer
 * and the {@link io.github.paperdigest.spi.PaperSourceProvider source SPI}.
 *
 * <p>Sources are plugin modules that {@code provides
 * io.github.paperdigest.spi.PaperSourceProvider}; the core finds them with {@link
 * java.util.ServiceLoader}.
 */
module io.github.paperdigest {
  requires transitive okhttp3;
  requires transitive com.squareup.moshi;
  requires transitive okio;
  requires com.github.benmanes.caffeine;
  requires java.xml;
  requires static transitive org.jspecify;

  exports io.github.paperdigest;
  exports io.github.paperdigest.model;
  exports io.github.paperdigest.spi;
  exports io.github.paperdigest.watch;
  exports io.github.paperdigest.render;

  uses io.github.paperdigest.spi.PaperSourceProvider;
  uses io.github.paperdigest.spi.Coordination.Provider;
}

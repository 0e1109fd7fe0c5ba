/**
 * The {@code arxiv} source: search with a typed query builder, papers by id in batches, and the
 * daily announcements of categories, within arXiv's terms of use (one request every three seconds,
 * one connection at a time). See {@link io.github.paperdigest.arxiv.Arxiv}.
 */
module io.github.paperdigest.source.arxiv {
  requires transitive io.github.paperdigest;
  requires org.jsoup;
  requires static org.jspecify;

  exports io.github.paperdigest.arxiv;

  provides io.github.paperdigest.spi.PaperSourceProvider with
      io.github.paperdigest.arxiv.ArxivProvider;
}

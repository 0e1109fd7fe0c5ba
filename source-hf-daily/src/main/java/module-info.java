/**
 * The {@code hf-daily} source: Hugging Face Daily Papers. Discovered by the PaperDigest core; its
 * attribute keys are in {@link io.github.paperdigest.hf.HfDaily}.
 */
// guide:module
module io.github.paperdigest.source.hf {
  requires transitive io.github.paperdigest;
  requires org.jsoup;
  requires static org.jspecify;

  exports io.github.paperdigest.hf;

  provides io.github.paperdigest.spi.PaperSourceProvider with
      io.github.paperdigest.hf.HfDailyProvider;
}
// guide:end

/**
 * Test support for PaperDigest users and plugin authors: {@link io.github.paperdigest.testing.FakeClock}.
 */
module io.github.paperdigest.testing {
  requires transitive io.github.paperdigest;

  exports io.github.paperdigest.testing;
}

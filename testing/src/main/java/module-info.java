/**
 * Test support for PaperDigest users and plugin authors: {@link
 * io.github.paperdigest.testing.SourceHarness}, which creates a plugin's source through a real
 * client against a MockWebServer or recordings, and {@link
 * io.github.paperdigest.testing.FakeClock}, which makes politeness waits and cache ages instant and
 * exact.
 */
module io.github.paperdigest.testing {
  requires transitive io.github.paperdigest;
  requires static org.jspecify;

  exports io.github.paperdigest.testing;
}

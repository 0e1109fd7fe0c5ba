/**
 * Test support for PaperDigest: {@link io.github.paperdigest.testing.SourceHarness} and {@link
 * io.github.paperdigest.testing.FakeClock}. Everything is non-null unless marked {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest.testing;

import org.jspecify.annotations.NullMarked;

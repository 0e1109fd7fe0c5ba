/**
 * The service-provider interface for paper sources. A source module implements {@link
 * io.github.paperdigest.spi.PaperSourceProvider} and {@link io.github.paperdigest.spi.PaperSource},
 * declares the provider in its {@code module-info} ({@code provides}) and in {@code
 * META-INF/services}, and uses the {@link io.github.paperdigest.spi.SourceContext} it is handed for
 * HTTP, JSON, time and configuration. Everything is non-null unless marked {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest.spi;

import org.jspecify.annotations.NullMarked;

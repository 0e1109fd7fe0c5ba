/**
 * The PaperDigest API: the {@link io.github.paperdigest.PaperDigest} client, its fluent queries,
 * the common paper model and the exception hierarchy. Everything is non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest;

import org.jspecify.annotations.NullMarked;

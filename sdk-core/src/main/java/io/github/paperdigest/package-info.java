/**
 * The PaperDigest API: the {@link io.github.paperdigest.PaperDigest} client and its fluent queries.
 * The values they return are in {@link io.github.paperdigest.model}. Everything is non-null unless
 * marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code hf-daily} source plugin: Hugging Face Daily Papers digests (day, ISO week, month,
 * latest), search and paper pages, mapped into the PaperDigest model. Users need only {@link
 * io.github.paperdigest.hf.HfDaily}'s attribute keys.
 */
@NullMarked
package io.github.paperdigest.hf;

import org.jspecify.annotations.NullMarked;

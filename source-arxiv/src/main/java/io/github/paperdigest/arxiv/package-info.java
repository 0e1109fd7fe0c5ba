/**
 * The {@code arxiv} source plugin: arXiv search and id lookup (the Atom API) and daily
 * announcements by category (the RSS feeds, with the listing pages as fallback), mapped into the
 * PaperDigest model. Users need only {@link io.github.paperdigest.arxiv.Arxiv}'s attribute keys and
 * {@link io.github.paperdigest.arxiv.AnnounceType}. Everything is non-null unless marked {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest.arxiv;

import org.jspecify.annotations.NullMarked;

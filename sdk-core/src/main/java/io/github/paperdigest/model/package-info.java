/**
 * The common model every source maps its publisher's answers to: {@link
 * io.github.paperdigest.model.Paper papers} with their {@link io.github.paperdigest.model.PaperId
 * ids}, {@link io.github.paperdigest.model.Author authors} and {@link
 * io.github.paperdigest.model.Links links}, {@link io.github.paperdigest.model.Digest digests} of a
 * {@link io.github.paperdigest.model.DigestPeriod period}, the criteria and sorts a query can use,
 * and the {@link io.github.paperdigest.model.PaperDigestException exception hierarchy}. It depends
 * on nothing else in PaperDigest: the source SPI and the client API are built on it. Everything is
 * non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest.model;

import org.jspecify.annotations.NullMarked;

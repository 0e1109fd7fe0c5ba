/**
 * A complete source plugin in two classes, the one {@code docs/writing-a-source.md} walks through:
 * papers read from a folder of JSON Lines files. Everything is non-null unless marked {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.paperdigest.examples.jsonl;

import org.jspecify.annotations.NullMarked;

/**
 * Watches: only what is new since the last time, with delivery acknowledged and the cursor kept
 * durably. Start from {@link io.github.paperdigest.watch.Watch#builder()}.
 */
@NullMarked
package io.github.paperdigest.watch;

import org.jspecify.annotations.NullMarked;

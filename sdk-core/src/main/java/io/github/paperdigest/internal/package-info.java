/**
 * Implementation of the PaperDigest core. Not exported: nothing here is API, and it changes without
 * notice.
 */
@NullMarked
package io.github.paperdigest.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Renderers: papers written for readers and tools, in the {@link
 * io.github.paperdigest.render.Format formats} the CLI offers (table, JSON, JSON lines, Markdown,
 * Atom, BibTeX, CSL-JSON, HTML e-mail, plain text), all behind one {@link
 * io.github.paperdigest.render.PaperWriter}. Every writer treats what publishers wrote as untrusted
 * and escapes it for its format.
 */
@NullMarked
package io.github.paperdigest.render;

import org.jspecify.annotations.NullMarked;

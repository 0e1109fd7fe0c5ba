package io.github.paperdigest.spi;

import org.jspecify.annotations.Nullable;

/**
 * Extracts the publisher's own message from an error response, e.g. the summary of arXiv's Atom
 * error feed. The core puts it in {@link
 * io.github.paperdigest.model.SourceHttpException#publisherMessage()}.
 */
@FunctionalInterface
public interface ErrorDecoder {

  /**
   * The default: the body itself when it is plain text (not HTML or XML), cut to 300 characters.
   */
  ErrorDecoder PLAIN_TEXT =
      (status, body) -> {
        String text = body.strip();
        if (text.isEmpty() || text.startsWith("<")) {
          return null;
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
      };

  /**
   * The publisher's message in {@code body} (its first 64 KiB), or null if there is none. Must not
   * throw.
   */
  @Nullable String message(int status, String body);
}

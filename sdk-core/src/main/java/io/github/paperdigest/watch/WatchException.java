package io.github.paperdigest.watch;

import io.github.paperdigest.model.PaperDigestException;
import org.jspecify.annotations.Nullable;

/**
 * A watch's state could not be read, written or locked: its file is used by another process or
 * watch, is unreadable or is not a watch state. Nothing was acknowledged when it is thrown.
 */
public final class WatchException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message} and {@code cause} (or null). */
  public WatchException(String message, @Nullable Throwable cause) {
    super(null, message, cause);
  }
}

package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.PaperDigestException;
import org.jspecify.annotations.Nullable;

/**
 * A harvest's state file is used by another harvest, unreadable, or the checkpoint of a different
 * harvest (another set, format or date range). Nothing was fetched when it is thrown at the start.
 */
public final class HarvestException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  HarvestException(String message, @Nullable Throwable cause) {
    super(Arxiv.ID, message, cause);
  }
}

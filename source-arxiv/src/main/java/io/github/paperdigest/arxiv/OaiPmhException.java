package io.github.paperdigest.arxiv;

import io.github.paperdigest.model.PaperDigestException;
import org.jspecify.annotations.Nullable;

/**
 * arXiv's OAI-PMH interface answered with an OAI-PMH error (HTTP 200 with an {@code <error>}):
 * {@code badResumptionToken} (the token expired or is unknown), {@code badArgument}, {@code
 * cannotDisseminateFormat}, {@code badVerb}, {@code idDoesNotExist}, {@code noSetHierarchy} or
 * {@code noMetadataFormats}. ({@code noRecordsMatch} is no error: it is an empty harvest.)
 */
public final class OaiPmhException extends PaperDigestException {
  private static final long serialVersionUID = 1L;

  /** The error code of an expired or unknown resumption token. */
  public static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";

  private final String code;
  private final @Nullable String url;

  OaiPmhException(String code, String message, @Nullable String url) {
    super(
        Arxiv.ID, "OAI-PMH " + code + ": " + message + (url == null ? "" : " (" + url + ")"), null);
    this.code = code;
    this.url = url;
  }

  /** The OAI-PMH error code, e.g. {@code badResumptionToken}. */
  public String code() {
    return code;
  }

  /** The request that failed, or null. */
  public @Nullable String url() {
    return url;
  }
}

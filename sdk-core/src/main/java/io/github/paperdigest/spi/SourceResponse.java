package io.github.paperdigest.spi;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.BufferedSource;

/**
 * A response handed to a {@link ResponseParser}: status, headers and a body that fails with {@link
 * io.github.paperdigest.model.ResponseTooLargeException} once it passes the size limit. Read the
 * body once, as a stream or as a string. Not thread-safe; valid only during {@link
 * ResponseParser#parse}.
 */
public interface SourceResponse {

  /** The URL of the final request (after redirects). */
  HttpUrl url();

  /** The HTTP status code (2xx). */
  int code();

  /** The response headers. */
  Headers headers();

  /** The body as an Okio source (for Moshi's {@code JsonReader.of}). */
  BufferedSource body();

  /** The body as an input stream (for jsoup). */
  default InputStream byteStream() {
    return body().inputStream();
  }

  /**
   * The whole body decoded as text, by its declared charset or UTF-8.
   *
   * @throws IOException if reading fails
   */
  String string() throws IOException;
}

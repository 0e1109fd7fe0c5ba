package io.github.paperdigest.spi;

import java.io.IOException;

/**
 * Turns a successful (2xx) response into a result. The core calls it on whichever thread ran the
 * exchange, with a body already limited to the client's maximum response size. Parsers report a
 * response of the wrong shape with {@link io.github.paperdigest.model.SourceParseException};
 * Moshi's {@code JsonDataException} and {@code JsonEncodingException} are turned into one by the
 * core.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResponseParser<T> {

  /**
   * Parses the response.
   *
   * @throws IOException if reading the body fails
   */
  T parse(SourceResponse response) throws IOException;
}

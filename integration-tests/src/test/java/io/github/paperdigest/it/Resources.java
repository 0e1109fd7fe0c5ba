package io.github.paperdigest.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The recorded responses of both sources (their test resources, with SOURCES.md provenance). */
final class Resources {
  private Resources() {}

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new AssertionError("no resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

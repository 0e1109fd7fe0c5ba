package io.github.paperdigest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the properties file Maven filters at build time. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0}, or {@code dev} when run from unfiltered sources. */
  public static String get() {
    return VERSION;
  }

  /** The default User-Agent: {@code PaperDigest/<version> (+<url>; Java/<version>)}. */
  public static String userAgent() {
    return "PaperDigest/"
        + VERSION
        + " (+https://github.com/paperdigest/paperdigest; Java/"
        + Runtime.version().feature()
        + ")";
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}

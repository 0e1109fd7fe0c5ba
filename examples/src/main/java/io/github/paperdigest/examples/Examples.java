package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the examples share: a client that replays the bundled recordings when the program is given
 * {@code --offline}, and uses the network otherwise. The example code itself is the same either
 * way.
 */
public final class Examples {
  private Examples() {}

  /** The resource folder of the recordings bundled with the examples. */
  static final String RECORDINGS = "/paperdigest-recordings";

  /** Whether {@code args} ask for offline mode. */
  public static boolean offline(String[] args) {
    return Arrays.asList(args).contains("--offline");
  }

  /** {@code args} without {@code --offline}. */
  public static List<String> arguments(String[] args) {
    return Arrays.stream(args).filter(a -> !a.equals("--offline")).toList();
  }

  /** A client, replaying the bundled recordings if {@code args} contain {@code --offline}. */
  public static PaperDigest client(String[] args) {
    PaperDigest.Builder b = PaperDigest.builder();
    if (offline(args)) {
      b.replay(bundledRecordings());
    }
    return b.build();
  }

  /**
   * The bundled recordings as a path: a folder when run from {@code target/classes}, a folder
   * inside the jar when run with {@code java -jar}.
   */
  public static Path bundledRecordings() {
    URL url = Examples.class.getResource(RECORDINGS + "/SOURCES.md");
    if (url == null) {
      throw new IllegalStateException(
          "the recordings are not on the class path (" + RECORDINGS + ")");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem zip;
        try {
          zip = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          zip = FileSystems.getFileSystem(uri);
        }
        return zip.getPath(RECORDINGS);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the recordings in " + url, e);
    }
  }
}

package io.github.paperdigest.watch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process for {@link WatchTest}: holds a state file's lock, says {@code locked} on stdout,
 * and releases it when its stdin ends (or after 60 s, so that it never outlives a failed test).
 */
public final class LockHolder {
  private LockHolder() {}

  @SuppressWarnings("try") // the store is held, not used, while it is open
  public static void main(String[] args) throws IOException, InterruptedException {
    try (WatchStore store = WatchStore.file(Path.of(args[0]))) {
      System.out.println("locked");
      System.out.flush();
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                  }
                } catch (IOException e) {
                  // the parent is gone: release
                }
              });
      reader.setDaemon(true);
      reader.start();
      reader.join(60_000);
    }
  }
}

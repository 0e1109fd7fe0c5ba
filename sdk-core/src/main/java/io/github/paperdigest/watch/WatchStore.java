package io.github.paperdigest.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a {@link Watch} keeps its {@link WatchState}: a file by default ({@link #file(Path)}), or
 * anything else that can keep a string (a database row, an object store) by implementing this. A
 * store is used by one watch at a time; {@link #close()} releases it.
 */
public interface WatchStore extends Closeable {
  /**
   * The state saved last, or {@link WatchState#empty()} if none was.
   *
   * @throws WatchException if what is stored is not a watch state
   * @throws IOException if it cannot be read
   */
  WatchState load() throws IOException;

  /**
   * Replaces the saved state with {@code state}, entirely or not at all.
   *
   * @throws IOException if it cannot be written (the previous state is then kept)
   */
  void save(WatchState state) throws IOException;

  /** Releases the store. */
  @Override
  void close() throws IOException;

  /**
   * A state file at {@code path}, locked against any other watch on it (in this process or another)
   * until closed. It is replaced atomically on each save (written beside it, flushed to the disk,
   * then renamed over it), so a crash leaves either the old or the new state; its lock is {@code
   * path} with {@code .lock} appended.
   *
   * @throws WatchException if another watch holds the file, or it cannot be locked
   */
  static WatchStore file(Path path) {
    return FileWatchStore.open(path);
  }
}

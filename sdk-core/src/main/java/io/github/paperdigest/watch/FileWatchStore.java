package io.github.paperdigest.watch;

import io.github.paperdigest.spi.StateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import okio.Buffer;

/** {@link WatchStore#file(Path)}: a JSON {@link StateFile}, locked while open. */
final class FileWatchStore implements WatchStore {
  /** A state file larger than this is refused rather than read: 256 MiB. */
  static final long MAX_BYTES = 256L << 20;

  private final StateFile file;

  private FileWatchStore(StateFile file) {
    this.file = file;
  }

  static FileWatchStore open(Path path) {
    try {
      return new FileWatchStore(StateFile.lock(path));
    } catch (StateFile.InUseException e) {
      throw new WatchException(
          "The watch state "
              + path
              + " is in use by another watch ("
              + e.getMessage()
              + "); run one watch per state file",
          e);
    } catch (IOException e) {
      throw new WatchException("Cannot lock the watch state " + path + ": " + e, e);
    }
  }

  @Override
  public WatchState load() throws IOException {
    Optional<byte[]> content = file.read(MAX_BYTES);
    if (content.isEmpty()) {
      return WatchState.empty();
    }
    try {
      return WatchState.read(new Buffer().write(content.get()));
    } catch (WatchException e) {
      throw new WatchException(file.path() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(WatchState state) throws IOException {
    Buffer buffer = new Buffer();
    state.write(buffer);
    file.replace(buffer.readByteArray());
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  @Override
  public String toString() {
    return "WatchStore.file(" + file.path() + ")";
  }
}

package io.github.paperdigest.watch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import okio.BufferedSource;
import okio.Okio;

/** {@link WatchStore#file(Path)}: a JSON file replaced atomically, locked while open. */
final class FileWatchStore implements WatchStore {
  /** A state file larger than this is refused rather than read: 256 MiB. */
  static final long MAX_BYTES = 256L << 20;

  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private FileWatchStore(Path path, FileChannel lockChannel, FileLock lock) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static FileWatchStore open(Path path) {
    Objects.requireNonNull(path, "path == null");
    Path absolute = path.toAbsolutePath();
    Path lockPath = absolute.resolveSibling(absolute.getFileName() + ".lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new WatchException("Cannot lock the watch state " + path + ": " + e, e);
    }
    FileLock lock = null;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // held by another watch in this process: lock stays null
    } catch (IOException e) {
      closeQuietly(channel);
      throw new WatchException("Cannot lock the watch state " + path + ": " + e, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new WatchException(
          "The watch state "
              + path
              + " is in use by another watch (locked through "
              + lockPath
              + "); run one watch per state file",
          null);
    }
    return new FileWatchStore(absolute, channel, lock);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock failure is what the caller needs to hear
    }
  }

  @Override
  public WatchState load() throws IOException {
    long size;
    try {
      size = Files.size(path);
    } catch (NoSuchFileException e) {
      return WatchState.empty();
    }
    if (size > MAX_BYTES) {
      throw new WatchException(
          "The watch state " + path + " has " + size + " bytes, over " + MAX_BYTES, null);
    }
    try (BufferedSource source = Okio.buffer(Okio.source(path))) {
      return WatchState.read(source);
    } catch (WatchException e) {
      throw new WatchException(path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(WatchState state) throws IOException {
    Path dir = Objects.requireNonNull(path.getParent(), "an absolute path has a parent");
    Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        okio.Buffer buffer = new okio.Buffer();
        state.write(buffer);
        ByteBuffer bytes = ByteBuffer.wrap(buffer.readByteArray());
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  @Override
  public String toString() {
    return "WatchStore.file(" + path + ")";
  }
}

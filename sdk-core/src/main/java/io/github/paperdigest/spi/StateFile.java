package io.github.paperdigest.spi;

import java.io.Closeable;
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
import java.util.Optional;

/**
 * A small file of state kept across runs (a watch's deliveries, a harvest's checkpoint), held by
 * one user at a time and replaced whole: {@link #lock(Path)} takes an exclusive lock (on {@code
 * path} with {@code .lock} appended) against every other holder, in this process or another, and
 * {@link #replace(byte[])} writes beside the file, flushes to the disk and renames over it, so that
 * a crash leaves either the old or the new content, never a mix.
 */
public final class StateFile implements Closeable {
  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private StateFile(Path path, FileChannel lockChannel, FileLock lock) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Another holder has the file. */
  public static final class InUseException extends IOException {
    private static final long serialVersionUID = 1L;

    InUseException(String message) {
      super(message);
    }
  }

  /**
   * Locks the state file {@code path} (which need not exist yet) until {@link #close()}.
   *
   * @throws InUseException if another holder, in this process or another, has it
   * @throws IOException if the lock file cannot be made
   */
  public static StateFile lock(Path path) throws IOException {
    Objects.requireNonNull(path, "path == null");
    Path absolute = path.toAbsolutePath();
    Path lockPath = absolute.resolveSibling(absolute.getFileName() + ".lock");
    FileChannel channel =
        FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = null;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // held by another holder in this process: lock stays null
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new InUseException(path + " is in use (locked through " + lockPath + ")");
    }
    return new StateFile(absolute, channel, lock);
  }

  /** The file's absolute path. */
  public Path path() {
    return path;
  }

  /**
   * The file's content, or empty if it does not exist yet.
   *
   * @throws IOException if it is larger than {@code maxBytes} or cannot be read
   */
  public Optional<byte[]> read(long maxBytes) throws IOException {
    long size;
    try {
      size = Files.size(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (size > maxBytes) {
      throw new IOException(path + " has " + size + " bytes, over the " + maxBytes + " allowed");
    }
    return Optional.of(Files.readAllBytes(path));
  }

  /** Replaces the file's content with {@code content}, entirely or not at all. */
  public void replace(byte[] content) throws IOException {
    Path dir = Objects.requireNonNull(path.getParent(), "an absolute path has a parent");
    Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
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

  /** Releases the lock. */
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
    return "StateFile(" + path + ")";
  }
}

package io.github.paperdigest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import okhttp3.Cache;
import okio.FileSystem;
import okio.ForwardingFileSystem;
import okio.Path;
import okio.Sink;

/**
 * The file system of the opt-in on-disk HTTP cache: every directory and file it creates is readable
 * by the owner only (on POSIX file systems), since cached answers are the user's business.
 * (Requests that carry credentials are never stored in it at all: see {@link Exchange}.)
 */
public final class OwnerOnlyFileSystem extends ForwardingFileSystem {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFileSystem() {
    super(FileSystem.SYSTEM);
  }

  /**
   * An OkHttp cache in {@code directory} (created owner-only if it does not exist) of at most
   * {@code maxSize} bytes.
   *
   * @throws UncheckedIOException if the directory cannot be created
   */
  public static Cache cache(java.nio.file.Path directory, long maxSize) {
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory);
        restrict(directory, DIRECTORY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the HTTP cache directory " + directory, e);
    }
    return new Cache(new OwnerOnlyFileSystem(), Path.get(directory.toFile()), maxSize);
  }

  @Override
  public Sink sink(Path file, boolean mustCreate) throws IOException {
    Sink sink = super.sink(file, mustCreate);
    restrict(file.toNioPath(), FILE);
    return sink;
  }

  @Override
  public Sink appendingSink(Path file, boolean mustExist) throws IOException {
    Sink sink = super.appendingSink(file, mustExist);
    restrict(file.toNioPath(), FILE);
    return sink;
  }

  @Override
  public void createDirectory(Path dir, boolean mustCreate) throws IOException {
    super.createDirectory(dir, mustCreate);
    restrict(dir.toNioPath(), DIRECTORY);
  }

  private static void restrict(java.nio.file.Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}

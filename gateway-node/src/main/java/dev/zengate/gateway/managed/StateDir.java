package dev.zengate.gateway.managed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A managed node's state directory (mode 0700):
 *
 * <pre>
 * node.key          the node's X25519 private key, PKCS#8 PEM, 0600; never leaves the node
 * node.pub          its public key (base64url SubjectPublicKeyInfo), as sent at enrollment
 * channel.key       the node's EC P-256 channel key (TLS client key), PKCS#8 PEM, 0600
 * enrollment.json   the server's Enrollment answer: node and pair ids, pinned signing key, the
 *                   node-channel CA, the node's channel certificate and the members' endpoints
 * bundle.json       the last applied SignedBundle as received: signed, secrets still sealed
 * versions/N/       the served bundle materialized: gateway.yaml, certificates/, keys/ (0600),
 *                   trust/; only the served version is kept
 * </pre>
 *
 * Every file is written to a temporary name with its final permissions, then renamed into place, so
 * a crash never leaves a half-written file under a real name.
 */
public final class StateDir {

  static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

  private final Path dir;

  private StateDir(Path dir) {
    this.dir = dir;
  }

  /** Opens {@code dir}, creating it (0700) when missing and tightening its mode when not. */
  public static StateDir open(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    createPrivateDirectories(absolute);
    return new StateDir(absolute);
  }

  public Path path() {
    return dir;
  }

  /** The admin endpoint's bearer token, unless the local configuration names another file. */
  public Path adminToken() {
    return dir.resolve("admin-token");
  }

  public Path nodeKey() {
    return dir.resolve("node.key");
  }

  public Path nodePublicKey() {
    return dir.resolve("node.pub");
  }

  public Path channelKey() {
    return dir.resolve("channel.key");
  }

  public Path enrollment() {
    return dir.resolve("enrollment.json");
  }

  public Path bundle() {
    return dir.resolve("bundle.json");
  }

  public Path versions() {
    return dir.resolve("versions");
  }

  /** Creates {@code dir} and its missing parents as 0700 directories. */
  static void createPrivateDirectories(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (posix(dir.getParent() == null ? dir : dir.getParent())) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (posix(dir)) {
      Files.setPosixFilePermissions(dir, PRIVATE_DIR);
    }
  }

  /** Writes {@code text} to {@code target} atomically, 0600. */
  public static void writeAtomically(Path target, String text) throws IOException {
    writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target} atomically, 0600, synced before the rename. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Path temp =
        parent.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(temp);
    FileAttribute<?>[] attributes =
        posix(parent)
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_FILE)}
            : new FileAttribute<?>[0];
    try (FileChannel channel =
        FileChannel.open(
            temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a directory tree; a missing tree is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException e)
              throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static boolean posix(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && supportsPosix(existing);
  }

  private static boolean supportsPosix(Path existing) {
    try {
      return Files.getFileStore(existing).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }
}

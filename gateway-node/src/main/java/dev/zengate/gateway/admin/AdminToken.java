package dev.zengate.gateway.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of the admin endpoint, kept in a file readable by the node's user only: the
 * operator's scripts read it from there ({@code curl -H "Authorization: Bearer $(cat FILE)"}).
 */
public final class AdminToken {

  /** Short enough to type, long enough that guessing it over HTTP is hopeless. */
  static final int MIN_LENGTH = 24;

  private final byte[] expected;
  private final Path file;

  private AdminToken(String token, Path file) {
    this.expected = token.getBytes(StandardCharsets.UTF_8);
    this.file = file;
  }

  /**
   * Reads the token from {@code file}, or generates one there when the file does not exist.
   *
   * @throws IOException naming the file when it cannot be read or written, or holds a token too
   *     short to be safe
   */
  public static AdminToken loadOrCreate(Path file) throws IOException {
    try {
      return read(file);
    } catch (NoSuchFileException absent) {
      return create(file);
    }
  }

  private static AdminToken read(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    String token = content.lines().findFirst().orElse("").trim();
    if (token.length() < MIN_LENGTH) {
      throw new IOException(
          "admin token file "
              + file
              + ": the token (first line) must have at least "
              + MIN_LENGTH
              + " characters");
    }
    return new AdminToken(token, file);
  }

  private static AdminToken create(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      Files.writeString(
          file,
          token + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file inherits the directory's ACL.
      }
    } catch (FileAlreadyExistsException raced) {
      return read(file);
    } catch (IOException e) {
      throw new IOException(
          "cannot write the admin token file " + file + " (" + e.getMessage() + ")", e);
    }
    return new AdminToken(token, file);
  }

  /** Whether an {@code Authorization} header value carries this token (constant time). */
  boolean authorizes(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, presented);
  }

  public Path file() {
    return file;
  }
}

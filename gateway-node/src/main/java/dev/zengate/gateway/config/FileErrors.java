package dev.zengate.gateway.config;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read, in words an operator understands: the JDK's file exceptions carry
 * only the path as their message, so printing them says nothing (or shows a class name).
 */
public final class FileErrors {

  private FileErrors() {}

  /** One line, without the path (the caller names the file). */
  public static String describe(Throwable error) {
    if (error instanceof NoSuchFileException) {
      return "file not found";
    }
    if (error instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (error instanceof NotDirectoryException) {
      return "a parent of the path is not a directory";
    }
    if (error instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return "cannot be read";
    }
    return message.lines().findFirst().orElse(message);
  }
}

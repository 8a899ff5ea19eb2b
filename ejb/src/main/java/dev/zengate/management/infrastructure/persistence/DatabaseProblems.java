package dev.zengate.management.infrastructure.persistence;

import java.net.ConnectException;
import java.sql.SQLException;

/** Turns the exception chains of JDBC and Flyway into one line an operator can act on. */
public final class DatabaseProblems {

  private DatabaseProblems() {}

  public static String describe(Throwable failure) {
    Throwable root = failure;
    String sqlMessage = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException && sqlMessage == null) {
        sqlMessage = t.getMessage();
      }
      if (t instanceof ConnectException) {
        return "database unreachable (" + t.getMessage() + ")";
      }
      root = t;
    }
    String message = sqlMessage != null ? sqlMessage : root.getMessage();
    return firstLine(message == null ? root.getClass().getSimpleName() : message);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }
}

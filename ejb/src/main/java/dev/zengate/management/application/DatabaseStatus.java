package dev.zengate.management.application;

/**
 * What the management server knows about its database at one moment.
 *
 * @param reachable a connection could be opened and queried
 * @param schemaVersion the last applied migration's version, or null when none is applied
 * @param problem why the database cannot be used, or null when it can
 */
public record DatabaseStatus(boolean reachable, String schemaVersion, String problem) {

  static DatabaseStatus ready(String schemaVersion) {
    return new DatabaseStatus(true, schemaVersion, null);
  }

  static DatabaseStatus reachableButNotReady(String schemaVersion, String problem) {
    return new DatabaseStatus(true, schemaVersion, problem);
  }

  static DatabaseStatus unreachable(String problem) {
    return new DatabaseStatus(false, null, problem);
  }

  public boolean ready() {
    return problem == null;
  }
}

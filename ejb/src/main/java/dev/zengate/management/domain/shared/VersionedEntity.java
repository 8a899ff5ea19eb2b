package dev.zengate.management.domain.shared;

/** An entity operators edit, guarded by optimistic locking (HTTP ETag / If-Match). */
public interface VersionedEntity {

  long version();

  /**
   * Refuses an edit made against another version than the stored one.
   *
   * @throws StaleVersionException when {@code expected} is not the current version
   */
  default void requireVersion(long expected, String what, Object id) {
    if (expected != version()) {
      throw new StaleVersionException(what, id, expected, version());
    }
  }
}

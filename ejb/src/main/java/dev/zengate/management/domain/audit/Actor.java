package dev.zengate.management.domain.audit;

/** Who made a change and from where: the authenticated user and the client's address. */
public record Actor(String username, String sourceAddress) {

  public Actor {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("an actor needs a user name");
    }
    sourceAddress = sourceAddress == null ? "" : sourceAddress;
  }

  /** Changes the server makes by itself (first start, timers). */
  public static Actor system() {
    return new Actor("system", "");
  }
}

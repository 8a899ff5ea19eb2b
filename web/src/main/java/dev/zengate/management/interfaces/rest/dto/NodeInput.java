package dev.zengate.management.interfaces.rest.dto;

/** A node as a client adds or changes it (the name only when adding). */
public record NodeInput(String name, String host, Integer priority) {

  /** VRRP's default priority. */
  public int priorityOrDefault() {
    return priority == null ? 100 : priority;
  }
}

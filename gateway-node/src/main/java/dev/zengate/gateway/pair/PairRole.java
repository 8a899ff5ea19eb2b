package dev.zengate.gateway.pair;

import java.util.Locale;

/**
 * A pair member's role. INIT until the election runs, then BACKUP until it wins the master role.
 * There is no FAULT state: a node that cannot serve stops, and its peer sees it go silent.
 */
public enum PairRole {
  INIT(0),
  BACKUP(1),
  MASTER(2);

  private final int code;

  PairRole(int code) {
    this.code = code;
  }

  /** Its number on the wire. */
  int code() {
    return code;
  }

  static PairRole fromCode(int code) {
    for (PairRole role : values()) {
      if (role.code == code) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role " + code);
  }

  /** Lower-case name used in logs, metrics, status and hook arguments. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

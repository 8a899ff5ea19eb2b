package dev.zengate.management.domain.user;

import java.util.Locale;

/** What a user may do. Names in lower case are the container's role and group names. */
public enum Role {
  /** Everything, including users and key export. */
  ADMIN,
  /** Configure pairs, listeners, certificates and trust; no user management, no key export. */
  OPERATOR,
  /** Read everything, the audit trail included; change nothing. */
  AUDITOR;

  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

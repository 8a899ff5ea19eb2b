package dev.zengate.management.domain.listener;

/** Whether a virtual server asks partners for a client certificate. */
public enum ClientAuth {
  NONE,
  OPTIONAL,
  REQUIRED
}

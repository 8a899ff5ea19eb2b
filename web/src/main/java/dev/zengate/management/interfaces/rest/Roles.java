package dev.zengate.management.interfaces.rest;

/** The container role names of {@code dev.zengate.management.domain.user.Role}. */
public final class Roles {

  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";
  public static final String AUDITOR = "auditor";

  private Roles() {}
}

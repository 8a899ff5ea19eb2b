package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.user.AppUser;

/** A user as the API shows it: never the password hash. */
public record UserView(String username, String role, boolean enabled, long version) {

  public static UserView of(AppUser user) {
    return new UserView(user.username(), user.role().roleName(), user.enabled(), user.version());
  }
}

package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.user.ApiToken;
import java.time.OffsetDateTime;

/** An API token as listed: never the token itself, which only its issuer saw once. */
public record ApiTokenView(
    long id,
    String name,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime lastUsedAt) {

  public static ApiTokenView of(ApiToken token) {
    return new ApiTokenView(
        token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
  }
}

package dev.zengate.management.interfaces.rest;

import dev.zengate.management.domain.shared.InvalidInputException;

/** Checks the offset/limit query parameters of list endpoints. */
final class Paging {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private Paging() {}

  static int offset(Integer offset) {
    if (offset == null) {
      return 0;
    }
    if (offset < 0) {
      throw new InvalidInputException("offset must not be negative");
    }
    return offset;
  }

  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }
}

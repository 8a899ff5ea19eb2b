package dev.zengate.management.interfaces.rest;

import dev.zengate.management.domain.shared.VersionedEntity;
import dev.zengate.management.interfaces.rest.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic locking over HTTP: an object's ETag is its version; a change must send it back in
 * If-Match. A change without If-Match is refused (428) rather than allowed to overwrite blindly.
 */
public final class Preconditions {

  private Preconditions() {}

  public static EntityTag etag(VersionedEntity entity) {
    return new EntityTag(Long.toString(entity.version()));
  }

  public static long ifMatch(HttpHeaders headers) {
    String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
    if (value == null || value.isBlank()) {
      throw new WebApplicationException(
          Problem.response(
              428,
              "precondition-required",
              "If-Match required",
              "send the ETag you read in If-Match, so that you cannot overwrite someone else's change"));
    }
    String tag = value.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new WebApplicationException(
          Problem.response(
              400,
              "bad-if-match",
              "Bad If-Match",
              "If-Match " + value + " is not an ETag of this API"));
    }
  }

  public static Response.ResponseBuilder withEtag(
      Response.ResponseBuilder response, VersionedEntity entity) {
    return response.tag(etag(entity));
  }
}

package dev.zengate.management.interfaces.rest.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem+json answer: what went wrong, in words an operator can act on. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

  public static Response response(int status, String kind, String title, String detail) {
    return response(status, kind, title, detail, null);
  }

  /**
   * With {@code field}, the request's JSON property the problem concerns (an extension member of
   * RFC 9457), so that a form shows the message at that field in any language.
   */
  public static Response response(
      int status, String kind, String title, String detail, String field) {
    JsonObjectBuilder body = document(status, kind, title, detail);
    if (field != null) {
      body.add("field", field);
    }
    return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
  }

  /** The problem+json document, for writers outside JAX-RS (the authentication mechanism). */
  public static String json(int status, String kind, String title, String detail) {
    return document(status, kind, title, detail).build().toString();
  }

  private static JsonObjectBuilder document(int status, String kind, String title, String detail) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "urn:zengate:problem:" + kind)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    return body;
  }
}

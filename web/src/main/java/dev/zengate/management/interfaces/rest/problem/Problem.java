package dev.zengate.management.interfaces.rest.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem+json answer: what went wrong, in words an operator can act on. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

  public static Response response(int status, String kind, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(json(status, kind, title, detail))
        .build();
  }

  /** The problem+json document, for writers outside JAX-RS (the authentication mechanism). */
  public static String json(int status, String kind, String title, String detail) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "urn:zengate:problem:" + kind)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    return body.build().toString();
  }
}

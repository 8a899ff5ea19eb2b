package dev.zengate.management.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises (unknown path, wrong method, role refused…) as problems. A
 * refusal of an anonymous caller is a 401 asking for credentials, not a 403.
 */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {

  /**
   * Sent by the web console with every API call. A Basic challenge would make the browser pop up
   * its own password dialog over the console's sign-in screen, so the console gets none.
   */
  public static final String CONSOLE_HEADER = "X-Zengate-Console";

  @Context private SecurityContext security;
  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (original.getMediaType() != null
        && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
      return original;
    }
    int status = original.getStatus();
    if (status == 403 && (security == null || security.getUserPrincipal() == null)) {
      return Response.fromResponse(
              Problem.response(
                  401,
                  "unauthorized",
                  "Unauthorized",
                  "valid credentials are required: HTTP Basic or a Bearer API token"))
          .header(
              "WWW-Authenticate",
              headers != null && headers.getHeaderString(CONSOLE_HEADER) != null
                  ? "Bearer realm=\"zengate\""
                  : "Basic realm=\"zengate\", Bearer realm=\"zengate\"")
          .build();
    }
    String detail =
        switch (status) {
          case 403 -> "your role does not allow this operation";
          case 404 -> "there is no such resource";
          case 405 -> "this resource does not support that method";
          case 406 -> "this resource answers in JSON only";
          case 415 -> "send JSON (Content-Type: application/json)";
          default -> exception.getMessage();
        };
    return Problem.response(
        status, "http-" + status, original.getStatusInfo().getReasonPhrase(), detail);
  }
}

package dev.zengate.management.interfaces.rest.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that cannot be read: not JSON, an unknown field, a wrong type. 400, naming what
 * the JSON reader objected to.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException exception) {
    StringBuilder detail =
        new StringBuilder("the request body is not valid JSON for this resource");
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException refused) {
        return refused.getResponse();
      }
      if (cause.getMessage() != null) {
        detail.append(": ").append(firstLine(cause.getMessage()));
      }
    }
    return Problem.response(400, "malformed-json", "Malformed JSON", detail.toString());
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}

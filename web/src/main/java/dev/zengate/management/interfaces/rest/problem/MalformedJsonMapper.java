package dev.zengate.management.interfaces.rest.problem;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that cannot be read: not JSON, cut short, an unknown field, a wrong type. 400,
 * saying in words what is wrong and where (the field, or the line and column): the JSON libraries'
 * own messages name Java classes and token lists that mean nothing to the caller.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("Json property (\\S+) can not be mapped");
  private static final Pattern FIELD = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

  /** How Parsson says the input ended: as a token, or as the end-of-stream character -1. */
  private static final Pattern ENDED = Pattern.compile("Invalid token=EOF|Unexpected char -1 ");

  @Override
  public Response toResponse(ProcessingException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException refused) {
        return refused.getResponse();
      }
    }
    return Problem.response(400, "malformed-json", "Malformed JSON", describe(exception));
  }

  /** What is wrong with the body, in one sentence. */
  static String describe(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParsingException parsing) {
        return syntax(parsing);
      }
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      Matcher unknown = UNKNOWN_FIELD.matcher(message);
      if (unknown.find()) {
        return "unknown field '" + unknown.group(1) + "': it is not part of this resource";
      }
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      Matcher field = FIELD.matcher(cause.getMessage() == null ? "" : cause.getMessage());
      if (field.find()) {
        return "field '" + field.group(1) + "' has a value of the wrong type or form";
      }
    }
    return "the request body is not a JSON object of the form this resource accepts";
  }

  private static String syntax(JsonParsingException parsing) {
    if (ENDED.matcher(parsing.getMessage() == null ? "" : parsing.getMessage()).find()) {
      // No position: the parser reports the end of its read buffer, not of the body.
      return "the body ends before the JSON is complete";
    }
    JsonLocation at = parsing.getLocation();
    String where =
        at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    return "the body is not valid JSON" + where;
  }
}

package dev.zengate.management.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure nobody foresaw: logged with a reference the operator can quote, answered with 500 and
 * that reference — never a stack trace.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause != cause.getCause()) {
      cause = cause.getCause();
      if (cause instanceof jakarta.persistence.OptimisticLockException) {
        return Problem.response(
            412,
            "stale-version",
            "Changed by someone else",
            "the object was changed concurrently; read it again and reapply your change");
      }
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure " + reference, exception);
    return Problem.response(
        500,
        "internal",
        "Internal error",
        "unexpected failure; the server log has reference " + reference);
  }
}

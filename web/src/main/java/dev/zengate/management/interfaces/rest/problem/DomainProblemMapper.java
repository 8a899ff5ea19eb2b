package dev.zengate.management.interfaces.rest.problem;

import dev.zengate.management.domain.shared.ConflictException;
import dev.zengate.management.domain.shared.DomainProblem;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.NotFoundException;
import dev.zengate.management.domain.shared.RefusedException;
import dev.zengate.management.domain.shared.StaleVersionException;
import dev.zengate.management.domain.shared.TooManyAttemptsException;
import dev.zengate.management.domain.shared.UnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Each kind of refusal of the domain as its HTTP status, with the domain's own words. */
@Provider
public class DomainProblemMapper implements ExceptionMapper<DomainProblem> {

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(DomainProblem problem) {
    int status;
    String title;
    if (problem instanceof InvalidInputException) {
      status = 422;
      title = "Invalid input";
    } else if (problem instanceof NotFoundException) {
      status = 404;
      title = "Not found";
    } else if (problem instanceof ConflictException) {
      status = 409;
      title = "Conflict";
    } else if (problem instanceof StaleVersionException) {
      status = 412;
      title = "Changed by someone else";
    } else if (problem instanceof RefusedException) {
      status = 403;
      title = "Refused";
    } else if (problem instanceof UnavailableException) {
      status = 503;
      title = "Not available";
    } else if (problem instanceof TooManyAttemptsException) {
      status = 429;
      title = "Too many attempts";
    } else {
      status = 400;
      title = "Bad request";
    }
    Locale locale = language();
    Response response =
        Response.fromResponse(
                Problem.response(
                    status, problem.kind(), title, problem.detail(locale), problem.field()))
            .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .build();
    if (problem instanceof TooManyAttemptsException wait) {
      return Response.fromResponse(response)
          .header("Retry-After", wait.retryAfterSeconds())
          .build();
    }
    if (problem instanceof UnavailableException) {
      return Response.fromResponse(response).header("Retry-After", 5).build();
    }
    return response;
  }

  /** Japanese when the client prefers it (the console in Japanese sends it), else English. */
  private Locale language() {
    for (Locale accepted : headers.getAcceptableLanguages()) {
      if ("ja".equals(accepted.getLanguage())) {
        return Locale.JAPANESE;
      }
      if ("en".equals(accepted.getLanguage())) {
        return Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }
}

package dev.zengate.management.interfaces.rest;

import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.EnrollmentRequest;
import dev.zengate.management.application.EnrollmentService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/enrollment}: a node enrolls itself. No user account is involved: the one-time
 * token in the body is the credential (issued by an admin, single use, short-lived, audited).
 */
@Path("enrollment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

  @Inject private EnrollmentService enrollments;
  @Context private HttpServletRequest request;

  @POST
  @PermitAll
  public Enrollment enroll(EnrollmentRequest body) {
    return enrollments.enroll(body, request.getRemoteAddr());
  }
}

package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.ConsoleSessions;
import dev.zengate.management.application.UserDirectory;
import dev.zengate.management.domain.user.AppUser;
import dev.zengate.management.interfaces.rest.dto.SessionView;
import dev.zengate.management.interfaces.rest.dto.SignInInput;
import dev.zengate.management.interfaces.rest.problem.Problem;
import dev.zengate.management.interfaces.security.SessionCookie;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /api/session}: the web console's sign-in, who is signed in, and sign-out. The session
 * lives in PostgreSQL (see {@link ConsoleSessions}); the browser holds it only in an HttpOnly
 * cookie.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsoleSessionResource {

  @Inject private ConsoleSessions sessions;
  @Inject private UserDirectory users;
  @Inject private CurrentActor actor;
  @Context private HttpServletRequest request;

  @POST
  @PermitAll
  public Response signIn(SignInInput input) {
    SignInInput in = PairsResource.required(input);
    Optional<String> session =
        sessions.signIn(in.username(), in.password(), request.getRemoteAddr());
    if (session.isEmpty()) {
      return Problem.response(
          401, "sign-in-failed", "Sign-in failed", "unknown user name or wrong password");
    }
    AppUser user = users.get(in.username());
    return Response.ok(view(user, session.get()))
        .header("Set-Cookie", SessionCookie.issue(session.get(), request.getContextPath()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response whoAmI() {
    AppUser user = users.get(actor.get().username());
    return Response.ok(view(user, SessionCookie.value(request).orElse(null)))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Ends the session on the server, so the cookie is refused even if someone kept a copy. */
  @DELETE
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response signOut() {
    sessions.signOut(SessionCookie.value(request).orElse(null), actor.get());
    return Response.noContent()
        .header("Set-Cookie", SessionCookie.clear(request.getContextPath()))
        .build();
  }

  private static SessionView view(AppUser user, String sessionId) {
    return new SessionView(
        user.username(),
        user.role().roleName(),
        sessionId == null ? null : SessionCookie.csrfToken(sessionId),
        ConsoleSessions.IDLE.toMinutes());
  }
}

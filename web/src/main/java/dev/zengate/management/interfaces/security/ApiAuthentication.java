package dev.zengate.management.interfaces.security;

import dev.zengate.management.application.ConsoleSessions;
import dev.zengate.management.application.UserDirectory;
import dev.zengate.management.domain.shared.DomainProblem;
import dev.zengate.management.domain.shared.TooManyAttemptsException;
import dev.zengate.management.domain.shared.UnavailableException;
import dev.zengate.management.domain.user.AppUser;
import dev.zengate.management.interfaces.rest.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates API calls: HTTP Basic with a user's password, {@code Authorization: Bearer} with an
 * API token, or the web console's session cookie (see {@link SessionCookie}), which must come with
 * the session's CSRF token on every method that changes something. Without valid credentials the
 * request goes on anonymous, and the operation's role check refuses it with 401 (see {@code
 * WebApplicationProblemMapper}); failed logins are audited by the user directory. A name or address
 * with too many recent failures gets 429 with {@code Retry-After} before any password is checked
 * (see {@code LoginThrottle}).
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

  private static final String OUTCOME = ApiAuthentication.class.getName() + ".outcome";

  private static final java.util.Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject private UserDirectory users;
  @Inject private ConsoleSessions sessions;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // The container may ask more than once for one request: check the credentials (and audit a
    // failure, and pay for Argon2id) only the first time.
    Object earlier = request.getAttribute(OUTCOME);
    Outcome outcome;
    if (earlier instanceof Outcome known) {
      outcome = known;
    } else {
      try {
        outcome = check(request);
      } catch (TooManyAttemptsException | UnavailableException refused) {
        // No password was checked: say why and when to come back, and serve nothing.
        refuse(response, refused);
        return AuthenticationStatus.SEND_FAILURE;
      }
      request.setAttribute(OUTCOME, outcome);
    }
    if (outcome.csrfMissing()) {
      return refuseWithoutCsrfToken(response);
    }
    Optional<AppUser> user = outcome.user();
    if (user.isEmpty()) {
      // Anonymous: open operations (health) answer; the others refuse with 401.
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(
        user.get().username(), Set.of(user.get().role().roleName()));
  }

  private Outcome check(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new Outcome(basic(header.substring(6).trim(), request.getRemoteAddr()), false);
    }
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Outcome(users.authenticateToken(header.substring(7).trim()), false);
    }
    return session(request);
  }

  /**
   * A console session: the browser sends the cookie by itself, so a change is accepted only with
   * the CSRF token, which a page of another site cannot know.
   */
  private Outcome session(HttpServletRequest request) {
    // Only API calls: static files of the console need no user (and no database lookup).
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return new Outcome(Optional.empty(), false);
    }
    Optional<String> id = SessionCookie.value(request);
    if (id.isEmpty()) {
      return new Outcome(Optional.empty(), false);
    }
    Optional<AppUser> user = sessions.authenticate(id.get());
    boolean csrfMissing =
        user.isPresent()
            && !SAFE_METHODS.contains(request.getMethod())
            && !SessionCookie.csrfMatches(request, id.get());
    return new Outcome(csrfMissing ? Optional.empty() : user, csrfMissing);
  }

  private static AuthenticationStatus refuseWithoutCsrfToken(HttpServletResponse response) {
    try {
      response.setStatus(403);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              Problem.json(
                  403,
                  "csrf",
                  "Refused",
                  "a change made with the console's session needs the "
                      + SessionCookie.CSRF_HEADER
                      + " header of that session"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static void refuse(HttpServletResponse response, DomainProblem problem) {
    boolean throttled = problem instanceof TooManyAttemptsException;
    long retryAfter = throttled ? ((TooManyAttemptsException) problem).retryAfterSeconds() : 5;
    int status = throttled ? 429 : 503;
    String body =
        Problem.json(
            status,
            problem.kind(),
            throttled ? "Too many attempts" : "Not available",
            problem.getMessage());
    response.setStatus(status);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setContentType("application/problem+json");
    try {
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException gone) {
      // The client left; nothing to tell.
    }
  }

  /** The result of checking one request's credentials. */
  private record Outcome(Optional<AppUser> user, boolean csrfMissing) {}

  private Optional<AppUser> basic(String encoded, String remoteAddress) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return users.authenticate(
        decoded.substring(0, colon), decoded.substring(colon + 1), remoteAddress);
  }
}

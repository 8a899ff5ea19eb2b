package dev.zengate.management.interfaces.security;

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
 * Authenticates API calls: HTTP Basic with a user's password, or {@code Authorization: Bearer} with
 * an API token. Without valid credentials the request goes on anonymous, and the operation's role
 * check refuses it with 401 (see {@code WebApplicationProblemMapper}); failed logins are audited by
 * the user directory. A name or address with too many recent failures gets 429 with {@code
 * Retry-After} before any password is checked (see {@code LoginThrottle}).
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

  private static final String OUTCOME = ApiAuthentication.class.getName() + ".outcome";

  @Inject private UserDirectory users;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // The container may ask more than once for one request: check the credentials (and audit a
    // failure, and pay for Argon2id) only the first time.
    Object earlier = request.getAttribute(OUTCOME);
    Optional<AppUser> user;
    if (earlier instanceof Outcome outcome) {
      user = outcome.user();
    } else {
      try {
        user = check(request);
      } catch (TooManyAttemptsException | UnavailableException refused) {
        // No password was checked: say why and when to come back, and serve nothing.
        refuse(response, refused);
        return AuthenticationStatus.SEND_FAILURE;
      }
      request.setAttribute(OUTCOME, new Outcome(user));
    }
    if (user.isEmpty()) {
      // Anonymous: open operations (health) answer; the others refuse with 401.
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(
        user.get().username(), Set.of(user.get().role().roleName()));
  }

  private Optional<AppUser> check(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(header.substring(6).trim(), request.getRemoteAddr());
    }
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return users.authenticateToken(header.substring(7).trim());
    }
    return Optional.empty();
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
  private record Outcome(Optional<AppUser> user) {}

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

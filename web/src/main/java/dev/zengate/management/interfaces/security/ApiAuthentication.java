package dev.zengate.management.interfaces.security;

import dev.zengate.management.application.UserDirectory;
import dev.zengate.management.domain.user.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates API calls: HTTP Basic with a user's password, or {@code Authorization: Bearer} with
 * an API token. Without valid credentials the request goes on anonymous, and the operation's role
 * check refuses it with 401 (see {@code WebApplicationProblemMapper}); failed logins are audited by
 * the user directory.
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
      user = check(request);
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

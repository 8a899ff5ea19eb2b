package dev.zengate.management.interfaces.rest;

import dev.zengate.management.domain.audit.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/** The authenticated caller of this request and the address it called from, for the audit. */
@RequestScoped
public class CurrentActor {

  @Inject private SecurityContext security;
  @Inject private HttpServletRequest request;

  public Actor get() {
    return new Actor(security.getCallerPrincipal().getName(), request.getRemoteAddr());
  }
}

package dev.zengate.management.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST API, under {@code /api}. Every resource method names the roles allowed to call it; a
 * method that names none is refused (see {@code EveryEndpointIsGuardedTest}).
 */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class ZengateApi extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // Enforce @RolesAllowed/@PermitAll/@DenyAll on plain (non-EJB) JAX-RS resources.
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
  }
}

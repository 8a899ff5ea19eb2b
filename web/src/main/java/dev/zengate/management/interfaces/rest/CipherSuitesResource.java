package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.domain.listener.CipherSuites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/cipher-suites}: the suites a listener may be given and the certificate key each
 * needs, so that a form offers only what the chosen certificate can use.
 */
@Path("cipher-suites")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CipherSuitesResource {

  /** One suite: its OpenSSL name and the key it authenticates with (RSA, EC, or ANY for 1.3). */
  public record CipherSuiteView(String name, String keyType) {}

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<CipherSuiteView> list() {
    return CipherSuites.catalogue().entrySet().stream()
        .map(e -> new CipherSuiteView(e.getKey(), e.getValue().name()))
        .toList();
  }
}

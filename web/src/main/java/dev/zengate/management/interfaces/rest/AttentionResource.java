package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.PairAttention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/attention}: the pairs and nodes that need someone now (out of sync, split brain,
 * silent, refusing, failing publication), counted over all pairs, with the first few of each.
 */
@Path("attention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttentionResource {

  @Inject private PairAttention attention;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public PairAttention.Summary get() {
    return attention.now();
  }
}

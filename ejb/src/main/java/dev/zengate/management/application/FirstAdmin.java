package dev.zengate.management.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Creates the first administrator when the server starts on an empty user table, with the password
 * from {@code ZENGATE_ADMIN_PASSWORD} (which {@code ./zengate start} generates and prints once).
 * Later starts leave users alone.
 */
@ApplicationScoped
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject private UserDirectory users;

  void onSchemaReady(@Observes SchemaReady ready) {
    String password = System.getenv("ZENGATE_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      if (users.all().isEmpty()) {
        LOG.warning(
            "No user exists and ZENGATE_ADMIN_PASSWORD is not set: set it and restart to create"
                + " the first admin");
      }
      return;
    }
    try {
      if (users.createFirstAdminIfNone(password)) {
        LOG.info("Created the first admin user 'admin' from ZENGATE_ADMIN_PASSWORD");
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "Could not create the first admin from ZENGATE_ADMIN_PASSWORD: " + e.getMessage());
    }
  }
}

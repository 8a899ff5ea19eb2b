package dev.zengate.management.application;

import dev.zengate.management.infrastructure.grid.DataGrid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells every member to close a reset node's channel once the reset has committed: before the
 * commit, the node could reconnect at once and still be found enrolled.
 */
@ApplicationScoped
public class CloseRevokedChannels {

  @Inject private DataGrid grid;

  void reset(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnrollmentReset reset) {
    grid.announceRevoked(reset.nodeId());
  }
}

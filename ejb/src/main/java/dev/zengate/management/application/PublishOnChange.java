package dev.zengate.management.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Publishes changed bundles once a configuration change has committed (never before). */
@ApplicationScoped
public class PublishOnChange {

  @Inject private BundlePublisher publisher;
  @Inject private PublicationRequests requests;

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged change) {
    if (requests.request()) {
      publisher.publishAllChanged();
    }
  }
}

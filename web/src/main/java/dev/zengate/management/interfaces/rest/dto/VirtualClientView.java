package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.ClientCertificateRuleSpec;
import dev.zengate.management.domain.listener.VirtualClient;
import java.util.List;

/** A virtual client as the API shows it. */
public record VirtualClientView(
    long id,
    long pairId,
    String name,
    String listenAddress,
    int listenPort,
    String targetHost,
    int targetPort,
    long trustStoreId,
    String verifyName,
    Long clientCertificateId,
    String sourceAddress,
    List<ClientCertificateRuleSpec> clientCertificateRules,
    List<String> protocols,
    List<String> cipherSuites,
    String revocation,
    String noAiaPolicy,
    long version) {

  public static VirtualClientView of(VirtualClient v) {
    return new VirtualClientView(
        v.id(),
        v.pair().id(),
        v.name(),
        v.listenAddress(),
        v.listenPort(),
        v.targetHost(),
        v.targetPort(),
        v.trustStore().id(),
        v.verifyName(),
        v.clientCertificate() == null ? null : v.clientCertificate().id(),
        v.sourceAddress(),
        v.clientCertificateRules().stream()
            .map(r -> new ClientCertificateRuleSpec(r.destination(), r.source(), r.certificateId()))
            .toList(),
        v.tls().protocols(),
        v.tls().cipherSuites(),
        v.tls().revocation().name(),
        v.tls().noAiaPolicy().name(),
        v.version());
  }
}

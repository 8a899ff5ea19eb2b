package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.listener.VirtualServer;
import java.util.List;

/** A virtual server as the API shows it. */
public record VirtualServerView(
    long id,
    long pairId,
    String name,
    String bindAddress,
    int bindPort,
    String targetAddress,
    int targetPort,
    long certificateId,
    String clientAuth,
    Long clientTrustStoreId,
    List<String> protocols,
    List<String> cipherSuites,
    String revocation,
    String noAiaPolicy,
    boolean ocspStapling,
    long version) {

  public static VirtualServerView of(VirtualServer v) {
    return new VirtualServerView(
        v.id(),
        v.pair().id(),
        v.name(),
        v.bindAddress(),
        v.bindPort(),
        v.targetAddress(),
        v.targetPort(),
        v.certificate().id(),
        v.clientAuth().name(),
        v.clientTrustStore() == null ? null : v.clientTrustStore().id(),
        v.tls().protocols(),
        v.tls().cipherSuites(),
        v.tls().revocation().name(),
        v.tls().noAiaPolicy().name(),
        v.ocspStapling(),
        v.version());
  }
}

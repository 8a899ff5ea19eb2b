package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.PartnerCertificateListing.Seen;
import java.time.Duration;
import java.time.Instant;

/**
 * A partner's certificate as one node's listener saw it.
 *
 * @param peerRole {@code client} (a partner's client certificate at a virtual server) or {@code
 *     server} (a partner's server certificate met by a virtual client)
 * @param position 0: the partner's own certificate; 1, 2 …: the chain it sent
 * @param daysLeft whole days until notAfter, rounded down (negative once expired)
 */
public record PartnerCertificateView(
    long id,
    long pairId,
    String pairName,
    long nodeId,
    String nodeName,
    String listener,
    String peerRole,
    int position,
    String subject,
    String issuer,
    String serial,
    String sha256,
    String notBefore,
    String notAfter,
    long daysLeft,
    boolean expired,
    String firstSeen,
    String lastSeen) {

  public static PartnerCertificateView of(Seen s, Instant now) {
    long daysLeft = Math.floorDiv(Duration.between(now, s.notAfter()).getSeconds(), 86_400);
    return new PartnerCertificateView(
        s.id(),
        s.pairId(),
        s.pairName(),
        s.nodeId(),
        s.nodeName(),
        s.listener(),
        s.peerRole(),
        s.position(),
        s.subject(),
        s.issuer(),
        s.serial(),
        s.sha256(),
        s.notBefore().toString(),
        s.notAfter().toString(),
        daysLeft,
        daysLeft < 0,
        s.firstSeen().toString(),
        s.lastSeen().toString());
  }
}

package dev.zengate.gateway.trust.identity;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One row of a virtual client's certificate table (F5): connections to {@code destination} from
 * {@code source} present {@code certificate}. As in the appliance, a rule with both sides "any" is
 * refused: it would shadow every automatic choice.
 */
public record ClientCertificateRule(
    AddressRange destination, AddressRange source, String certificate) {

  public ClientCertificateRule {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(source, "source");
    if (certificate == null || certificate.isBlank()) {
      throw new IllegalArgumentException("a client certificate rule needs a certificate name");
    }
    if (destination.isAny() && source.isAny()) {
      throw new IllegalArgumentException(
          "client certificate rule for '"
              + certificate
              + "': destination and source cannot both be 'any'");
    }
  }

  public boolean matches(InetAddress destinationAddress, InetAddress sourceAddress) {
    return destination.contains(destinationAddress) && source.contains(sourceAddress);
  }
}

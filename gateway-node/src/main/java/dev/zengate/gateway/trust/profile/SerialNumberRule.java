package dev.zengate.gateway.trust.profile;

import java.math.BigInteger;

/** Serial numbers are positive and at most 20 octets long (RFC 5280 4.1.2.2). */
final class SerialNumberRule implements ProfileRule {

  private static final int MAX_OCTETS = 20;

  @Override
  public String name() {
    return "serial-number";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.1.2.2";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.NONCONFORMING_SERIAL;
  }

  @Override
  public String violation(ProfilePath path) {
    for (int i = 0; i < path.size(); i++) {
      BigInteger serial = path.certs().get(i).getSerialNumber();
      String problem =
          serial.signum() == 0
              ? "is zero"
              : serial.signum() < 0
                  ? "is negative"
                  : serial.toByteArray().length > MAX_OCTETS
                      ? "is " + serial.toByteArray().length + " octets long (at most 20 allowed)"
                      : null;
      if (problem != null) {
        return "the serial number of " + path.describe(i) + " " + problem;
      }
    }
    return null;
  }
}
